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

if (args.Contains("--metadata"))
{
    await MetadataBench.RunAsync(Console.Out);
    return;
}

if (args.Contains("--quick"))
{
    QuickBench.Run(Console.Out);
    return;
}

var config = DefaultConfig.Instance.AddColumn(new NamesPerSecondColumn());
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args, config);
