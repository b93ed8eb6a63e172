using System.CommandLine;
using System.Globalization;
using Episodic.Automation.Hooks;
using Episodic.Automation.Review;
using Episodic.Core.Parsing;
using Episodic.Llm.Configuration;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Episodic.Routing.Planning;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic hook CLIENT [ARGS]</c>: what a download client runs when a download completes. It reads the download
/// the way that client passes it, waits for the library's lock, files only what that download brought, holds what
/// cannot be settled in the review queue, and appends one line to the hook log. NZBGet gets its own exit codes.
/// </summary>
internal static class HookCommand
{
    /// <summary>NZBGet's post-processing exit codes: success, error, nothing to do.</summary>
    public const int NzbgetSuccess = 93;

    public const int NzbgetError = 94;

    public const int NzbgetNothing = 95;

    public static Command Create(CliContext context)
    {
        var client = new Argument<string>("CLIENT") { Description = $"The download client: {string.Join(", ", HookClients.Names)}." };
        client.AcceptOnlyFromAmong([.. HookClients.Names]);
        var arguments = new Argument<string[]>("ARGS") { Description = "What the client passes (see docs/download-clients.md); Transmission and NZBGet pass variables instead.", Arity = ArgumentArity.ZeroOrMore };
        var library = new Option<string?>("--library") { Description = "Library root (default [hook] library, else [routing] tv_path)." };
        var animeLibrary = new Option<string?>("--anime-library") { Description = "Anime root (default [hook] anime_library, else [routing] anime_tv_path)." };
        var mode = new Option<string?>("--mode") { Description = "move, copy or hardlink (default [hook] CLIENT_mode, else hardlink for torrents, move for usenet)." };
        mode.OneOf("move", "copy", "hardlink");
        var noRefresh = MediaRefresh.NoRefreshOption();
        var llmOptions = new LlmOptions();
        var metadata = new MetadataOptions(allowNone: true);
        var command = new Command("hook", "Run by a download client when a download completes: file what it brought into the library, hold what cannot be settled for review.")
        {
            client, arguments, library, animeLibrary, mode, noRefresh, llmOptions.Config,
        };
        foreach (var option in metadata.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            if (!HookClients.TryParse(result.GetValue(client), out var which))
            {
                context.Error($"unknown client '{result.GetValue(client)}'; use {string.Join(", ", HookClients.Names)}");
                return ExitCodes.InputError;
            }

            var run = new HookRun(context, which);
            int code;
            try
            {
                code = await RunAsync(context, result, run, result.GetValue(arguments) ?? [], result.GetValue(library), result.GetValue(animeLibrary), result.GetValue(mode), result.GetValue(noRefresh), llmOptions, metadata, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var (failed, line) = ex is LlmConfigurationException config
                    ? (ExitCodes.ConfigError, $"configuration: {string.Join("; ", config.Problems.Count > 0 ? config.Problems : [config.Message])}")
                    : CliErrors.Describe(ex);
                context.Error(line);
                run.Log($"error: {line}", failed);
                code = failed;
            }

            return which == HookClient.Nzbget ? code switch { ExitCodes.Ok => NzbgetSuccess, HookRun.NothingToDo => NzbgetNothing, _ => NzbgetError } : code == HookRun.NothingToDo ? ExitCodes.Ok : code;
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult result, HookRun run, string[] args, string? library, string? animeLibrary, string? modeText, bool skipRefresh, LlmOptions llmOptions, MetadataOptions metadata, CancellationToken cancellationToken)
    {
        HookRequest request;
        try
        {
            request = HookArguments.Read(run.Client, args, name => LibrarySettings.Variable(context, name));
        }
        catch (HookArgumentException ex)
        {
            context.Error($"hook {run.Client.Name()}: {ex.Message}; see docs/download-clients.md");
            return ExitCodes.InputError;
        }

        run.Request = request;
        var configuration = LibrarySettings.Configuration(result, llmOptions, context);
        var problems = new List<string>();
        var settings = HookSettings.Read(configuration, run.Client, problems);
        var routing = LibrarySettings.Routing(configuration, library ?? settings.Library, animeLibrary ?? settings.AnimeLibrary, out var problem);
        if (problem is not null)
        {
            problems.Add(problem);
        }

        if (routing is not null && Directory.Exists(routing.LibraryRoot))
        {
            run.Logger = new HookLog(settings.Log ?? Path.Join(LibraryLock.FolderOf(routing.LibraryRoot), "hook.log"), settings.LogMaxBytes, settings.LogKeep);
        }

        if (!MediaRefresh.TryRead(configuration, context, skipRefresh, out var mediaServers))
        {
            run.Log("error: a media-server section ([plex], [jellyfin], [emby], [kodi]) is invalid", ExitCodes.ConfigError);
            return ExitCodes.ConfigError;
        }

        if (problems.Count > 0 || routing is null)
        {
            problems.ForEach(context.Error);
            run.Log($"error: {problems.FirstOrDefault()}", ExitCodes.ConfigError);
            return ExitCodes.ConfigError;
        }

        if (request.Failure is { } failure)
        {
            return run.Nothing($"not routed: the client reports the download failed ({failure})");
        }

        if (!settings.Handles(request))
        {
            var categories = request.Categories.Count > 0 ? $"'{string.Join(',', request.Categories)}'" : "none";
            return run.Nothing($"nothing to do: category {categories} is not in [hook] categories ({string.Join(',', settings.Categories)})");
        }

        var content = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.ContentPath));
        if (!File.Exists(content) && !Directory.Exists(content))
        {
            context.Error($"no such file or folder: '{content}' (the download's content path)");
            run.Log($"error: no such file or folder '{content}'", ExitCodes.InputError);
            return ExitCodes.InputError;
        }

        var roots = LibrarySettings.Roots(routing);
        if (roots.FirstOrDefault(r => !Directory.Exists(r)) is { } missing)
        {
            context.Error($"the library root '{missing}' does not exist (is the share mounted?); nothing was changed");
            run.Log($"error: the library root '{missing}' does not exist", ExitCodes.InputError);
            return ExitCodes.InputError;
        }

        var mode = (modeText is null ? null : HookSettings.ParseMode(modeText)) ?? settings.Mode;
        if (!metadata.TryChoose(result, configuration, context, "none", out var provider))
        {
            return ExitCodes.ConfigError;
        }

        using var metadataHost = provider is { } chosen ? metadata.CreateHost(result, configuration, context, chosen, null) : null;
        if (provider is not null && metadataHost is null)
        {
            return ExitCodes.ConfigError;
        }

        // Always wait: a finished download must not be dropped because a person's route run holds the library.
        using var libraryLock = LibraryLock.Acquire(roots, settings.Wait, $"hook {run.Client.Name()}", cancellationToken);
        var options = routing with { SourceIsRelease = Directory.Exists(content), Identifier = metadataHost?.Identifier };
        var plan = await RoutePlanner.PlanAsync([content], options, RuleParser.Default.Parse, null, new CliLogger(context), cancellationToken).ConfigureAwait(false);
        var folder = LibraryLock.FolderOf(routing.LibraryRoot);
        var apply = new ApplyOptions
        {
            Mode = mode,
            Command = $"hook {run.Client.Name()}",
            Clean = mode == RouteMode.Move,
            Resume = RouteJournal.Unfinished(folder),
        };
        var summary = RouteExecutor.Apply(plan, RouteJournal.NewPath(folder, DateTimeOffset.UtcNow), apply, null, cancellationToken);
        IReadOnlyList<ReviewItem> held;
        using (var queue = ReviewStore.Open(routing.LibraryRoot))
        {
            held = HeldFiles.Record(queue, plan, summary, new HoldContext($"hook {run.Client.Name()}", mode));
        }

        foreach (var line in summary.Problems)
        {
            context.Error(line);
        }

        var filed = summary.Filed.Count(f => f.IsVideo);
        var code = summary.Failed > 0 || summary.CrcMismatches > 0 ? ExitCodes.SomeFailed : summary.Interrupted ? ExitCodes.Interrupted : ExitCodes.Ok;
        var text = string.Create(CultureInfo.InvariantCulture, $"{filed} filed ({ModeName(mode)}), {held.Count} held for review, {summary.Failed} failed");
        if (held.Count > 0)
        {
            text += "; see episodic review";
        }

        context.Stdout.WriteLine(text + (summary.JournalPath is { } j ? $"; journal: {j}" : ""));
        run.Log(text, code, summary.JournalPath);
        await MediaRefresh.RunAsync(context, mediaServers, roots, summary, cancellationToken).ConfigureAwait(false);
        return code;
    }

    private static string ModeName(RouteMode mode) => mode switch { RouteMode.Copy => "copy", RouteMode.Hardlink => "hardlink", _ => "move" };

    /// <summary>One hook run's log line: what the client passed, what became of it, the exit code and journal.</summary>
    private sealed class HookRun(CliContext context, HookClient client)
    {
        /// <summary>Internal code for "nothing to do" (exit 0, or 95 for NZBGet); never returned as is.</summary>
        public const int NothingToDo = -95;

        public HookClient Client { get; } = client;

        public HookRequest? Request { get; set; }

        public HookLog? Logger { get; set; }

        public int Nothing(string message)
        {
            context.Stdout.WriteLine(message);
            Log(message, NothingToDo);
            return NothingToDo;
        }

        public void Log(string outcome, int code, string? journal = null)
        {
            if (Logger is null)
            {
                return;
            }

            var exit = code == NothingToDo ? "nothing" : code.ToString(CultureInfo.InvariantCulture);
            var line = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {Client.Name()} exit={exit} name=\"{Quote(Request?.Name)}\" category=\"{Quote(string.Join(',', Request?.Categories ?? []))}\" id=\"{Quote(Request?.Id)}\" path=\"{Quote(Request?.ContentPath)}\" {outcome}");
            try
            {
                Logger.Append(journal is null ? line : $"{line}; journal: {journal}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.WarnOnce($"cannot write the hook log '{Logger.Path}': {ex.Message}");
            }
        }

        private static string Quote(string? text) => Episodic.Core.Text.Printable.Escape(text ?? "").Replace('"', '\'');
    }
}
