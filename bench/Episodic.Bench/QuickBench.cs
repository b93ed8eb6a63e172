using System.Diagnostics;
using Episodic.Core.Parsing;

namespace Episodic.Bench;

/// <summary>
/// <c>--quick</c>: no BenchmarkDotNet. (a) the first parse of each name in this fresh process (JIT and
/// static set-up included), (b) steady-state single-threaded names/s after a warm-up.
/// </summary>
public static class QuickBench
{
    public static void Run(TextWriter output, double seconds = 5)
    {
        var names = CorpusNames.All;
        var clock = Stopwatch.StartNew();
        var episodes = 0;
        foreach (var name in names)
        {
            episodes += RuleParser.Default.Parse(name).IsEpisode ? 1 : 0;
        }

        var first = clock.Elapsed;
        output.WriteLine($"names: {names.Length} ({episodes} read as episodes)");
        output.WriteLine($"first pass (fresh process): {names.Length / first.TotalSeconds,12:N0} names/s  ({first.TotalMilliseconds:N1} ms)");

        // Warm-up: let tiered JIT promote the hot paths (tier 0, then instrumented, then optimised with the profile).
        // On a loaded machine one second of wall time can be a quarter second of CPU, too little for the promotions, so
        // the process first has a second of CPU. Even then the JIT was still recompiling: a 5 s window after that spent
        // 0.8 s of CPU on the tiered-compilation thread and read 160k names/s where a longer one read 175k. So the
        // warm-up also runs until a whole half-second pass compiles no method (at most 30 s): steady means no JIT.
        var warm = Stopwatch.StartNew();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            Pass(names, TimeSpan.FromSeconds(0.5));
        }
        while ((Process.GetCurrentProcess().TotalProcessorTime - cpuStart < TimeSpan.FromSeconds(1) || System.Runtime.JitInfo.GetCompiledMethodCount() != compiled)
            && warm.Elapsed < TimeSpan.FromSeconds(30));

        output.WriteLine($"warm-up:                    {warm.Elapsed.TotalSeconds,12:N1} s  (until a pass compiled no method, at most 30 s)");

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var (count, elapsed) = Pass(names, TimeSpan.FromSeconds(seconds));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        output.WriteLine($"steady state (1 thread):    {count / elapsed.TotalSeconds,12:N0} names/s  ({count:N0} names in {elapsed.TotalSeconds:N1} s)");

        // On a shared machine the wall clock counts other processes' time too; CPU time counts only this one's.
        output.WriteLine($"per CPU second:             {count / Math.Max(cpu.TotalSeconds, 1e-3),12:N0} names/s  ({cpu.TotalSeconds:N1} s of CPU)");

        // Garbage is paid for twice (allocating, then collecting), and unlike time it does not vary with the load.
        output.WriteLine($"allocated per name:         {allocated / (double)Math.Max(count, 1),12:N0} bytes");
    }

    private static (long Count, TimeSpan Elapsed) Pass(string[] names, TimeSpan duration)
    {
        var parser = RuleParser.Default;
        long count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            foreach (var name in names)
            {
                parser.Parse(name);
            }

            count += names.Length;
        }

        return (count, clock.Elapsed);
    }
}
