using System.CommandLine;

namespace Episodic.Cli;

/// <summary>Builds the command tree and runs it against the given streams.</summary>
internal static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitInputError = 2;
    public const int ExitConfigError = 3;

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal = false, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var context = new CliContext(stdin, stdout, stderr, stderrIsTerminal) { Environment = environment };
        var root = new RootCommand("Episodic: parse TV and anime release filenames into structured episode data (show, season, episodes, air date, ...).")
        {
            ParseCommand.Create(context),
            EvalCommand.Create(context),
            SuggestShowCommand.Create(context),
            IdentifyCommand.Create(context),
            ShortenCommand.Create(context),
            CacheCommand.Create(context),
            CheckCommand.Create(context),
            ServeCommand.Create(context),
            RouteCommand.Create(context), UndoCommand.Create(context),
        };
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        var exit = await root.Parse(args).InvokeAsync(config).ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
        return exit;
    }
}
