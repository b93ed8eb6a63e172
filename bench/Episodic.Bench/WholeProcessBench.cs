using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Episodic.Bench;

/// <summary>
/// <c>--whole-process</c>: what a user waits for, not just the parser. Writes N names (the dev corpora, cycled) to a
/// file, runs <c>episodic parse - --format jsonl</c> on it as a child process with stdout to a file, and reports wall
/// time, user and system CPU and peak RSS (from <c>getrusage(RUSAGE_CHILDREN)</c>), plus the start-up of
/// <c>episodic parse NAME</c>. Runs are repeated and the median is reported, because the machine may be shared.
/// </summary>
public static partial class WholeProcessBench
{
    public const int DefaultNames = 100_000;
    public const int DefaultRuns = 3;
    private const int StartupRuns = 10;

    public static async Task<int> RunAsync(TextWriter output, string? episodic, int names, int runs)
    {
        var dll = episodic ?? FindEpisodic();
        if (dll is null || !File.Exists(dll))
        {
            await Console.Error.WriteLineAsync("episodic.dll not found: build src/Episodic.Cli -c Release, or pass --episodic PATH").ConfigureAwait(false);
            return 2;
        }

        var dir = Directory.CreateTempSubdirectory("episodic-bench-");
        try
        {
            var input = Path.Combine(dir.FullName, "names.txt");
            var jsonl = Path.Combine(dir.FullName, "out.jsonl");
            WriteNames(input, names);
            output.WriteLine($"episodic: {dll}");
            output.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");

            var whole = new List<Usage>();
            for (var i = 0; i < runs; i++)
            {
                whole.Add(await RunChildAsync(dll, ["parse", "-", "--format", "jsonl"], input, jsonl).ConfigureAwait(false));
            }

            var lines = File.ReadLines(jsonl).Count();
            output.WriteLine($"{names:N0} names -> {lines:N0} JSONL lines, median of {runs} run(s):");
            output.WriteLine(Describe(whole, rss: true));

            var startup = new List<Usage>();
            for (var i = 0; i < StartupRuns; i++)
            {
                startup.Add(await RunChildAsync(dll, ["parse", "Show.Name.S01E02.720p.WEB.mkv", "--format", "jsonl"], null, jsonl).ConfigureAwait(false));
            }

            output.WriteLine($"start-up (parse NAME), median of {StartupRuns} runs:");
            output.WriteLine(Describe(startup, rss: false));
            return 0;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Describe(List<Usage> runs, bool rss)
    {
        double Median(Func<Usage, double> f) => Bench.Median.Of(runs.Select(f));

        // ru_maxrss of RUSAGE_CHILDREN is the largest child so far, so only the first (largest) kind of run reports it.
        var line = string.Create(CultureInfo.InvariantCulture, $"  wall {Median(u => u.Wall.TotalSeconds),8:F3} s   user {Median(u => u.User.TotalSeconds),7:F3} s   sys {Median(u => u.System.TotalSeconds),7:F3} s");
        return rss ? line + string.Create(CultureInfo.InvariantCulture, $"   peak RSS {Median(u => u.PeakRssKb) / 1024.0,6:F1} MB") : line;
    }

    private static void WriteNames(string path, int count)
    {
        var all = CorpusNames.All;
        using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            writer.Write(all[i % all.Length]);
            writer.Write('\n');
        }
    }

    private static async Task<Usage> RunChildAsync(string dll, string[] args, string? stdinFile, string stdoutFile)
    {
        // A .dll runs on the shared runtime; anything else (the native AOT binary, the installed tool) runs as itself.
        var managed = dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(managed ? "dotnet" : dll)
        {
            RedirectStandardInput = stdinFile is not null,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (managed)
        {
            info.ArgumentList.Add(dll);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var before = ChildUsage();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        await using (var sink = File.Create(stdoutFile))
        {
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(sink);
            if (stdinFile is not null)
            {
                await using (var source = File.OpenRead(stdinFile))
                {
                    await source.CopyToAsync(process.StandardInput.BaseStream).ConfigureAwait(false);
                }

                process.StandardInput.Close();
            }

            await copyOut.ConfigureAwait(false);
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        var wall = clock.Elapsed;
        var after = ChildUsage();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"episodic exited with {process.ExitCode}");
        }

        return new Usage(wall, after.User - before.User, after.System - before.System, after.PeakRssKb);
    }

    /// <summary>CPU and peak RSS of the waited-for children so far (RUSAGE_CHILDREN; ru_maxrss is the largest child, in KB).</summary>
    private static Usage ChildUsage()
    {
        var raw = new long[18];
        if (GetRusage(-1, raw) != 0)
        {
            return new Usage(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0);
        }

        static TimeSpan Time(long sec, long usec) => TimeSpan.FromSeconds(sec) + TimeSpan.FromMicroseconds(usec);
        return new Usage(TimeSpan.Zero, Time(raw[0], raw[1]), Time(raw[2], raw[3]), raw[4]);
    }

    private static string? FindEpisodic()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "src", "Episodic.Cli", "bin", "Release", "net10.0", "episodic.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private readonly record struct Usage(TimeSpan Wall, TimeSpan User, TimeSpan System, long PeakRssKb);

    /// <summary>getrusage(2): on Linux x64 struct rusage is 18 longs; utime and stime are timevals, then ru_maxrss.</summary>
    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, [Out] long[] usage);
}
