using Episodic.Cli;
using Episodic.Core.Hosting;
using Episodic.Tests.Routing;
using Xunit;

namespace Episodic.Tests;

/// <summary>
/// The checks several commands share say one line with one exit code wherever they fire: the JIT-only refusal
/// (LLM backends and <c>serve</c> in the native binary) and the missing library of <c>route</c> and <c>watch</c>.
/// </summary>
public sealed class SharedCheckTests
{
    private const string NoLibrary = "episodic: --library is required (or [routing] tv_path in the configuration)";

    [Fact]
    public void A_jit_only_feature_is_refused_in_one_line_with_exit_3_naming_the_dotnet_tool()
    {
        // The tests run on the JIT: the guard lets everything through here; the native binary's refusal is NativeCliTests'.
        Assert.True(NativeBuild.IsJit);
        var (code, line) = CliErrors.Describe(JitOnlyException.For("the Ollama LLM backend", "its SDK serializes JSON by reflection"));

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Equal("the Ollama LLM backend is not in the native episodic binary (its SDK serializes JSON by reflection); use the dotnet tool instead (dotnet tool install --global Episodic.Cli)", line);
    }

    [Theory]
    [InlineData("route")]
    [InlineData("watch")]
    public async Task A_blank_library_is_the_same_input_error_in_route_and_watch(string command)
    {
        using var fx = new RoutingFixture();
        using var stdin = new StringReader("");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApp.RunAsync([command, fx.Downloads, "--library", " "], stdin, stdout, stderr, environment: new Dictionary<string, string?>(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Equal(NoLibrary, stderr.ToString().Trim());
    }
}
