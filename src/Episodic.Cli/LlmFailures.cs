using Episodic.Llm.Pipeline;

namespace Episodic.Cli;

/// <summary>A dead backend is visible: one stderr line per backend that failed, and <c>--strict</c> turns any failure into exit 8.</summary>
internal static class LlmFailures
{
    /// <summary>Writes the summary; returns <see cref="ExitCodes.StrictFallback"/> when strict and something failed, else null.</summary>
    public static int? Report(CliContext context, BackendFailures failures, bool strict)
    {
        foreach (var line in failures.Summary())
        {
            context.Error(line);
        }

        if (strict && failures.Failed > 0)
        {
            context.Error("--strict: LLM requests failed and were answered by fallbacks; exiting 8");
            return ExitCodes.StrictFallback;
        }

        return null;
    }
}
