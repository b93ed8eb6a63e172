using System.CommandLine;
using System.Globalization;
using Episodic.Llm.Caching;
using Episodic.Llm.Configuration;
using Episodic.Metadata.Configuration;
using Episodic.Metadata.Http;
using Microsoft.Extensions.Configuration;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic cache stats|clear [--llm] [--metadata]</c>: inspect or empty the caches, both unless one is named: the
/// LLM answer cache (<c>--cache-dir</c>, else <c>[cache] dir</c>, else the user's cache folder) and the metadata cache
/// of TMDB and TVmaze answers (<c>[metadata] cache_path</c>, else beside it).
/// </summary>
internal static class CacheCommand
{
    public static Command Create(CliContext context) =>
        new("cache", "The caches: LLM answers (keyed by backend, model, prompt version and name) and TMDB/TVmaze answers (metadata).")
        {
            Create(context, "stats", "Show where each cache is, how many answers it holds, its size and (LLM) hit rate.", Stats),
            Create(context, "clear", "Delete every cached answer (both caches unless --llm or --metadata names one).", Clear),
        };

    private static Command Create(CliContext context, string name, string description, Action<CliContext, Caches> action)
    {
        var dir = new Option<string?>("--cache-dir") { Description = "Folder of the SQLite LLM answer cache (default [cache] dir, else the user's cache folder)." };
        var llm = new Option<bool>("--llm") { Description = "The LLM answer cache (with --metadata: both; neither: both)." };
        var metadata = new Option<bool>("--metadata") { Description = "The metadata cache of TMDB and TVmaze answers ([metadata] cache_path)." };
        var llmOptions = new LlmOptions();
        var command = new Command(name, description) { dir, llm, metadata, llmOptions.Config };
        command.SetAction(result =>
        {
            IConfiguration configuration;
            try
            {
                configuration = LlmConfiguration.Build(llmOptions.ConfigPath(result, context), context.Environment);
            }
            catch (LlmConfigurationException ex)
            {
                LlmOptions.Report(context, ex);
                return ExitCodes.ConfigError;
            }

            // Neither flag, or both: both caches.
            var both = result.GetValue(llm) == result.GetValue(metadata);
            var llmDir = result.GetValue(dir) ?? ConfiguredLlmDir(configuration);
            var metadataPath = MetadataConfiguration.Read(configuration).Settings.CachePath;
            action(context, new Caches(llmDir, both || result.GetValue(llm), metadataPath, both || result.GetValue(metadata)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Stats(CliContext context, Caches caches)
    {
        var output = context.Stdout;
        if (caches.Llm)
        {
            var s = CacheCommandSupport.ReadStats(caches.LlmDir, new CliLogger(context));
            var lookups = s.Hits + s.Misses;
            output.WriteLine("LLM answers (--llm)");
            output.WriteLine($"path:     {s.Path}");
            output.WriteLine($"entries:  {Count(s.Entries)} answers");
            output.WriteLine($"rejected: {Count(s.NegativeEntries)} remembered rejections (asked again after [cache] negative_ttl_hours)");
            output.WriteLine($"size:     {KiB(s.Bytes)}");
            output.WriteLine($"hits:     {Count(s.Hits)} of {Count(lookups)} lookups{(lookups > 0 ? $" ({(100.0 * s.Hits / lookups).ToString("0.0", CultureInfo.InvariantCulture)} %)" : "")}");
        }

        if (caches.Metadata)
        {
            var m = MetadataCacheFile.ReadStats(caches.MetadataPath, DateTimeOffset.UtcNow);
            if (caches.Llm)
            {
                output.WriteLine();
            }

            output.WriteLine("metadata (--metadata)");
            output.WriteLine($"path:     {m.Path}");
            output.WriteLine($"entries:  {Count(m.Entries)} provider answers ({Count(m.Expired)} expired, kept for --offline)");
            output.WriteLine($"size:     {KiB(m.Bytes)}");
        }
    }

    private static void Clear(CliContext context, Caches caches)
    {
        if (caches.Llm)
        {
            CacheCommandSupport.Clear(caches.LlmDir, new CliLogger(context));
            context.Stdout.WriteLine($"LLM answer cache cleared ({CachePaths.ForDirectory(caches.LlmDir)})");
        }

        if (caches.Metadata)
        {
            MetadataCacheFile.Clear(caches.MetadataPath);
            context.Stdout.WriteLine($"metadata cache cleared ({caches.MetadataPath ?? MetadataCache.DefaultPath()})");
        }
    }

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string KiB(long bytes) => $"{(bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KiB";

    /// <summary>The LLM answer cache's folder from [cache] dir, or null for the default place (also what serve's health page reports).</summary>
    internal static string? ConfiguredLlmDir(IConfiguration configuration) =>
        configuration.GetSection("cache")["dir"] is { Length: > 0 } d ? d.Trim() : null;

    /// <summary>Which caches a run covers and where they are (null = the default place).</summary>
    private sealed record Caches(string? LlmDir, bool Llm, string? MetadataPath, bool Metadata);
}
