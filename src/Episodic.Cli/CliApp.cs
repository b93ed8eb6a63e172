using System.CommandLine;

namespace Episodic.Cli;

/// <summary>Builds the command tree and runs it against the given streams, behind the one top-level error handler.</summary>
internal static class CliApp
{
    public const int ExitOk = ExitCodes.Ok;
    public const int ExitInputError = ExitCodes.InputError;
    public const int ExitConfigError = ExitCodes.ConfigError;

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal = false, IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default) =>
        RunSizedAsync(args, stdin, stdout, stderr, null, stderrIsTerminal, environment, cancellationToken: cancellationToken);

    /// <summary>
    /// The top-level commands by name, each built only when asked for. Building a command touches the types its options
    /// describe (strategies, backends, templates, hook clients), and so loads their assemblies: a run builds the command
    /// it runs, not all of them (<see cref="CreateRoot(CliContext, string?)"/>).
    /// </summary>
    internal static readonly (string Name, Func<CliContext, Command> Create)[] Commands =
    [
        ("parse", ParseCommand.Create),
        ("eval", EvalCommand.Create),
        ("suggest-show", SuggestShowCommand.Create),
        ("identify", IdentifyCommand.Create),
        ("shorten", ShortenCommand.Create),
        ("cache", CacheCommand.Create),
        ("check", CheckCommand.Create),
        ("serve", ServeCommand.Create),
        ("route", RouteCommand.Create),
        ("undo", UndoCommand.Create),
        ("hook", HookCommand.Create),
        ("review", ReviewCommand.Create),
        ("history", HistoryCommand.Create),
        ("watch", WatchCommand.Create),
    ];

    private const string RootDescription = "Episodic: parse TV and anime release filenames into structured episode data (show, season, episodes, air date, ...).";

    /// <summary>Every command, wired to <paramref name="context"/>'s streams (tests walk it to check each one).</summary>
    internal static RootCommand CreateRoot(CliContext context) => CreateRoot(context, null);

    /// <summary>
    /// The root with only the command named <paramref name="only"/> under it, or every command when
    /// <paramref name="only"/> is null or not a command. Once the first argument names a command, System.CommandLine
    /// reads the rest within that command alone, so the others are never looked at: leaving them out changes no help
    /// text, error or exit code, and spares <c>parse</c> the start-up cost of loading the LLM, routing and automation
    /// assemblies. <c>help</c> lists and explains the others, so it always gets the whole tree.
    /// </summary>
    internal static RootCommand CreateRoot(CliContext context, string? only)
    {
        var root = new RootCommand(RootDescription);
        var single = Array.FindIndex(Commands, c => string.Equals(c.Name, only, StringComparison.Ordinal));
        if (single >= 0)
        {
            root.Subcommands.Add(Commands[single].Create(context));
            return root;
        }

        foreach (var (_, create) in Commands)
        {
            root.Subcommands.Add(create(context));
        }

        root.Subcommands.Add(HelpCommand.Create(root, context));
        return root;
    }

    /// <summary>As <see cref="RunAsync"/>, with tables fitted to <paramref name="columns"/> cells (null = $COLUMNS, else the default).</summary>
    public static async Task<int> RunSizedAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, int? columns, bool stderrIsTerminal = false, IReadOnlyDictionary<string, string?>? environment = null, bool stdinIsTerminal = false, bool stdoutIsTerminal = false, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(stdin, stdout, stderr, stderrIsTerminal) { Environment = environment, Columns = columns ?? ColumnsFrom(environment), StdinIsTerminal = stdinIsTerminal, StdoutIsTerminal = stdoutIsTerminal };
        var root = CreateRoot(context, args.Length > 0 ? args[0] : null);
        var verbose = new Option<bool>("--verbose") { Description = "On a failure, print the stack trace after the one-line error.", Recursive = true };
        root.Options.Add(verbose);

        // Ctrl+C is the caller's token (Program.cs), so a command decides how to stop: System.CommandLine must not
        // end the process two seconds in, in the middle of a file.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        var parsed = root.Parse(args);
        var mistyped = UnknownTokens.Problems(parsed);
        if (mistyped.Count > 0 || parsed.Errors.Count > 0)
        {
            // A bad option value is bad input (exit 2), said in one line each, with where to look. A mistyped option or
            // command comes first, alone: what System.CommandLine says then follows from it.
            foreach (var error in mistyped.Count > 0 ? mistyped : parsed.Errors.Select(e => e.Message))
            {
                context.Error(error);
            }

            context.Error($"see 'episodic {UnknownTokens.Path(parsed.CommandResult.Command)}--help'");
            return ExitCodes.InputError;
        }

        int exit;
        try
        {
            exit = await parsed.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            exit = CliErrors.Report(context, ex, parsed.GetValue(verbose));
        }

        await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        return exit;
    }

    /// <summary>$COLUMNS when it is a sensible number, else the default table width.</summary>
    private static int ColumnsFrom(IReadOnlyDictionary<string, string?>? environment)
    {
        var value = environment is null ? System.Environment.GetEnvironmentVariable("COLUMNS") : environment.GetValueOrDefault("COLUMNS");
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 40 ? n : Output.TableOutputWriter.DefaultColumns;
    }
}
