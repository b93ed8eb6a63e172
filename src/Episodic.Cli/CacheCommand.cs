using System.CommandLine;
using System.Globalization;
using Episodic.Llm.Caching;

namespace Episodic.Cli;

/// <summary><c>episodic cache stats|clear [--cache-dir DIR]</c>: inspect or empty the LLM answer cache.</summary>
internal static class CacheCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Option<string?>("--cache-dir") { Description = "Folder of the SQLite answer cache (default: the user's cache folder)." };
        var stats = new Command("stats", "Show where the cache is, how many answers it holds, its size and hit rate.") { dir };
        stats.SetAction(result =>
        {
            var s = CacheCommandSupport.ReadStats(result.GetValue(dir), new CliLogger(context));
            var lookups = s.Hits + s.Misses;
            context.Stdout.WriteLine($"path:     {s.Path}");
            context.Stdout.WriteLine($"entries:  {s.Entries.ToString(CultureInfo.InvariantCulture)} answers");
            context.Stdout.WriteLine($"rejected: {s.NegativeEntries.ToString(CultureInfo.InvariantCulture)} remembered rejections (asked again after [cache] negative_ttl_hours)");
            context.Stdout.WriteLine($"size:     {(s.Bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KiB");
            context.Stdout.WriteLine($"hits:     {s.Hits.ToString(CultureInfo.InvariantCulture)} of {lookups.ToString(CultureInfo.InvariantCulture)} lookups{(lookups > 0 ? $" ({(100.0 * s.Hits / lookups).ToString("0.0", CultureInfo.InvariantCulture)} %)" : "")}");
            return CliApp.ExitOk;
        });
        var clear = new Command("clear", "Delete every cached answer.") { dir };
        clear.SetAction(result =>
        {
            CacheCommandSupport.Clear(result.GetValue(dir), new CliLogger(context));
            context.Stdout.WriteLine("cache cleared");
            return CliApp.ExitOk;
        });
        return new Command("cache", "The LLM answer cache (SQLite, keyed by backend, model, prompt version and name).") { stats, clear };
    }
}
