using Episodic.Llm.Configuration;
using Episodic.Routing.Journal;
using Episodic.Routing.Library;

namespace Episodic.Cli;

/// <summary>
/// The one top-level handler: any exception that escapes a command becomes one line on stderr (what, why, the fix)
/// and a documented exit code (<see cref="ExitCodes"/>); <c>--verbose</c> adds the stack trace.
/// </summary>
internal static class CliErrors
{
    public static int Report(CliContext context, Exception ex, bool verbose)
    {
        var (code, line) = Describe(ex);
        context.Error(line);
        if (verbose)
        {
            context.Stderr.WriteLine(ex.ToString());
        }

        return code;
    }

    public static (int Code, string Line) Describe(Exception ex) => ex switch
    {
        LibraryBusyException busy => (ExitCodes.LibraryBusy, $"{busy.Message}; nothing was changed. Wait for it to finish, or add --wait DURATION (e.g. --wait 10m)"),
        JournalRejectedException { Problems: [{ Line: <= 1 }, ..] } rejected => (ExitCodes.JournalRejected, $"{rejected.Message}; nothing was changed (--force does not help: without a trusted header no line can be)"),
        JournalRejectedException rejected => (ExitCodes.JournalRejected, $"{rejected.Message}; nothing was changed. Undo with --force to reverse only the lines that pass"),
        JournalKeyException key => (ExitCodes.ConfigError, $"{key.Message}; nothing was changed"),
        LibraryAccessException access => (ExitCodes.Failure, $"{access.Message}; nothing was changed"),
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted"),
        Episodic.Core.Hosting.JitOnlyException jitOnly => (ExitCodes.ConfigError, jitOnly.Message),
        LlmConfigurationException config => (ExitCodes.ConfigError, $"the LLM configuration has problems: {string.Join("; ", config.Problems.Count > 0 ? config.Problems : [config.Message])}"),
        System.Text.Json.JsonException json => (ExitCodes.InputError, $"the input is not the JSON expected{(json.Path is { } p ? $" (at {p})" : "")}; check the file"),
        System.Net.HttpListenerException listener => (ExitCodes.Failure, $"cannot listen: {OneLine(listener.Message)}; choose another port (1-65535) or stop what is using it"),
        UnauthorizedAccessException denied => (ExitCodes.Failure, $"permission denied: {denied.Message}"),
        IOException io when io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) || io.InnerException is System.Net.Sockets.SocketException =>
            (ExitCodes.Failure, $"cannot listen: {OneLine(io.Message)}; choose another port or stop what is using it"),
        IOException io => (ExitCodes.Failure, $"I/O error: {OneLine(io.Message)}"),
        _ => (ExitCodes.Failure, $"unexpected error ({ex.GetType().Name}): {OneLine(ex.Message)}; run again with --verbose for the details"),
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
