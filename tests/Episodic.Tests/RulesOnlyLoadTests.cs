using System.Reflection;
using System.Runtime.Loader;
using Xunit;

namespace Episodic.Tests;

/// <summary>
/// A rules-only <c>parse</c> must not load the LLM assembly (its load and static set-up cost start-up time). The test
/// process has long loaded Episodic.Llm for other tests, so the CLI runs here in a load context of its own that loads
/// every Episodic assembly afresh: what that context holds afterwards is exactly what the run needed.
/// </summary>
public sealed class RulesOnlyLoadTests
{
    private const string Llm = "Episodic.Llm";

    [Theory]
    [InlineData("--strategy", "rules-only")]
    [InlineData("--strategy", "Rules-Only")]
    [InlineData("--format", "jsonl")]
    public async Task A_rules_only_parse_does_not_load_the_llm_assembly(params string[] options)
    {
        var (exit, output, loaded) = await RunIsolated(["parse", .. options, "Copper.Tide.S02E05.1080p.mkv"]);

        Assert.Equal(0, exit);
        Assert.Contains("Copper Tide", output, StringComparison.Ordinal);
        Assert.Contains("Episodic.Core", loaded);
        Assert.DoesNotContain(Llm, loaded);
    }

    [Fact]
    public async Task A_parse_through_the_pipeline_does_load_it()
    {
        // The same check sees the load when there is one: --stats runs the (rules-only) pipeline, which is LLM code.
        var (exit, _, loaded) = await RunIsolated(["parse", "--strategy", "rules-only", "--stats", "Copper.Tide.S02E05.1080p.mkv"]);

        Assert.Equal(0, exit);
        Assert.Contains(Llm, loaded);
    }

    private static async Task<(int Exit, string Output, IReadOnlyList<string> Loaded)> RunIsolated(string[] args)
    {
        var context = new IsolatedContext();
        var cli = context.LoadFromAssemblyPath(Path.Join(AppContext.BaseDirectory, "episodic.dll"));
        var run = cli.GetType("Episodic.Cli.CliApp", throwOnError: true)!.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)!;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var task = (Task<int>)run.Invoke(null, [args, new StringReader(""), output, error, false, new Dictionary<string, string?>(), TestContext.Current.CancellationToken])!;
        var exit = await task;
        Assert.True(exit == 0, error.ToString());
        IReadOnlyList<string> loaded = [.. context.Assemblies.Select(a => a.GetName().Name ?? "")];

        // Collectible, so each case's extra copy of the Episodic assemblies is let go rather than kept for the whole run.
        context.Unload();
        return (exit, output.ToString(), loaded);
    }

    /// <summary>Loads the Episodic assemblies from the test folder into itself; the rest (framework, packages) is shared.</summary>
    private sealed class IsolatedContext() : AssemblyLoadContext("rules-only-load-test", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Join(AppContext.BaseDirectory, assemblyName.Name + ".dll");
            return assemblyName.Name?.StartsWith("Episodic.", StringComparison.Ordinal) == true && File.Exists(path)
                ? LoadFromAssemblyPath(path)
                : null;
        }
    }
}
