using Episodic.Cli;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>The CLI run in this process with captured streams, and the environment that points it at a fake OpenAI server.</summary>
internal static class InProcessCli
{
    /// <summary>Runs one command line; <paramref name="stdinIsTerminal"/> stands in for a person at a terminal.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string[] args, IReadOnlyDictionary<string, string?> env, string stdin = "", bool stdinIsTerminal = false)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunSizedAsync(args, input, output, error, null, environment: env, stdinIsTerminal: stdinIsTerminal, cancellationToken: TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>OpenAI as the one backend, at <paramref name="server"/>, with Polly's retries off (the fake scripts each reply).</summary>
    public static Dictionary<string, string?> OpenAi(FakeOpenAiServer server, string model = "gpt-4o-mini") => new()
    {
        ["EPISODIC_LLM__SERVICE"] = "openai",
        ["OPENAI_API_KEY"] = "sk-in-process-test-0123456789abcd",
        ["OPENAI_BASE_URL"] = server.BaseUri.ToString(),
        ["EPISODIC_OPENAI__MODEL"] = model,
        ["EPISODIC_RESILIENCE__MAX_RETRIES"] = "0",
    };
}
