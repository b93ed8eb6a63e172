using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Episodic.Bench;

if (args.Contains("--pipeline"))
{
    await PipelineBench.RunAsync(Console.Out);
    return;
}

if (args.Contains("--route-plan"))
{
    await RoutePlanBench.RunAsync(Console.Out);
    return;
}

if (args.Contains("--serve-load"))
{
    await ServeLoadBench.RunAsync(
        Console.Out,
        Value("--seconds", ServeLoadBench.DefaultSeconds),
        Value("--idle", ServeLoadBench.DefaultIdleSeconds),
        Value("--clients", ServeLoadBench.DefaultClients));
    return;
}

if (args.Contains("--ui"))
{
    Environment.ExitCode = await UiBench.RunAsync(Console.Out, Value("--items", UiBench.DefaultItems), Value("--runs", UiBench.DefaultRuns)) ? 0 : 1;
    return;
}

if (args.Contains("--metadata"))
{
    await MetadataBench.RunAsync(Console.Out);
    return;
}

if (args.Contains("--whole-process"))
{
    int Count(string name, int fallback) => Value(name, fallback) is var v and > 0 ? v : fallback;
    Environment.ExitCode = await WholeProcessBench.RunAsync(Console.Out, Text("--episodic"), Count("--names", WholeProcessBench.DefaultNames), Count("--runs", WholeProcessBench.DefaultRuns));
    return;
}

if (args.Contains("--quick"))
{
    QuickBench.Run(Console.Out);
    return;
}

var config = DefaultConfig.Instance.AddColumn(new NamesPerSecondColumn());
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args, config);

// The value after an option (--runs 5), or null when it is absent or last.
string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

int Value(string name, int fallback) => int.TryParse(Text(name), out var v) ? v : fallback;
