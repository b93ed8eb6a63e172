using System.CommandLine;
using Episodic.Cli.Output;
using Episodic.Core.Parsing;
using Episodic.Llm.Configuration;
using Episodic.Llm.Pipeline;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Episodic.Routing.Planning;
using Episodic.Routing.Reporting;
using Episodic.Routing.Templates;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic route SRC... --library DIR</c>: plan where every video under SRC belongs in the library (dry run by
/// default), and with <c>--apply</c> carry the plan out under a journal that <c>episodic undo</c> can reverse.
/// </summary>
internal static class RouteCommand
{
    public const int ExitSomeFailed = ExitCodes.SomeFailed;

    /// <summary>The values of --rename and <c>[routing] rename</c>.</summary>
    private static readonly string[] RenameModes = ["template", "keep"];

    public static Command Create(CliContext context)
    {
        var sources = new Argument<string[]>("SRC") { Description = "Files or folders (scanned recursively) holding the episodes to route.", Arity = ArgumentArity.OneOrMore };
        var library = new Option<string?>("--library") { Description = "Library root for TV shows (default [routing] tv_path)." };
        var animeLibrary = new Option<string?>("--anime-library") { Description = "Separate root for anime: absolute-numbered or fansub-tagged (default [routing] anime_tv_path, else --library)." };
        var apply = new Option<bool>("--apply") { Description = "Carry the plan out. Without it nothing is touched: the plan is only printed." };
        var mode = new Option<string>("--mode") { Description = "move, copy, or hardlink (keeps seeding; copies across devices).", DefaultValueFactory = _ => "move" };
        mode.OneOf("move", "copy", "hardlink");
        var onConflict = new Option<string>("--on-conflict") { Description = "A different file already at the destination: skip, or suffix (\"name (2).mkv\"). Never overwritten.", DefaultValueFactory = _ => "skip" };
        onConflict.OneOf("skip", "suffix");
        var minConfidence = new Option<double>("--min-confidence") { Description = "Files parsed with less confidence are skipped.", DefaultValueFactory = _ => RoutingOptions.DefaultMinConfidence };
        minConfidence.Probability();
        var verifyCrc = new Option<bool>("--verify-crc") { Description = "Check the CRC32 of names tagged [ABCD1234] before moving; a mismatch is reported and not moved." };
        var journal = new Option<string?>("--journal") { Description = "Journal file (JSON lines). Default: a new <library>/.episodic/journal-<timestamp>-<id>.jsonl (written only when something changes)." };
        var wait = Duration.Option("--wait", "When another run holds the library's lock, wait up to this long (30s, 10m, 1h) instead of refusing at once.");
        var noClean = new Option<bool>("--no-clean") { Description = "Leave emptied release folders and their leftovers (.txt, .url, .sfv, .par2, .nfo, Sample/) in place. Clean-up only ever happens in move mode, and undo restores it." };
        var createLibrary = new Option<bool>("--create-library") { Description = "Create the library root when it does not exist (by default a missing root is refused: an unmounted share would fill the local disk)." };
        var format = new Option<string>("--format", "-f") { Description = "Plan output: table or json.", DefaultValueFactory = _ => "table" };
        format.OneOf("table", "json");
        var template = new Option<string?>("--template") { Description = $"Season/episode layout ([routing] template). Default: {RoutingOptions.DefaultTemplate}" };
        var animeTemplate = new Option<string?>("--anime-template") { Description = $"Absolute-numbered anime layout ([routing] anime_template). Default: {RoutingOptions.DefaultAnimeTemplate}" };
        var dailyTemplate = new Option<string?>("--daily-template") { Description = $"Daily show layout ([routing] daily_template). Default: {RoutingOptions.DefaultDailyTemplate}" };
        var rename = new Option<string?>("--rename") { Description = "template, or keep: keep the original file name inside the planned folder ([routing] rename; default template)." };
        rename.OneOf(RenameModes);
        var strict = new Option<bool>("--strict") { Description = "With --llm: exit 8, before anything is moved, when any LLM request failed (another backend or the rule parser answered instead)." };
        var llm = new Option<bool>("--llm") { Description = "Parse with the LLM pipeline and let the model match show names to library folders and shorten long names." };
        var llmOptions = new LlmOptions();
        var metadata = new MetadataOptions(allowNone: true);
        var hold = new Option<bool>("--hold") { Description = "With --apply: hold what cannot be settled (low confidence, unidentified, a conflict) in the review queue (episodic review) instead of only skipping it." };
        var metadataRequired = new Option<bool>("--metadata-required") { Description = "With --metadata: skip files the provider cannot identify (down, refused key, unknown show) instead of filing them by their name." };
        var metadataFallback = new Option<string?>("--metadata-fallback")
        {
            Description = "With --metadata, when the provider cannot answer (down, key refused, timed out, garbage): hold the names it could not identify, or file them by their release name ([routing] metadata_fallback; default hold).",
        };
        metadataFallback.OneOf([.. MetadataFallbackNames.All]);
        var noRefresh = MediaRefresh.NoRefreshOption();
        var show = new Option<string?>("--show") { Description = "File every name of the run under this show (\"Name (2005)\" for a year); season and episode still come from each name." };
        var tmdbId = new Option<int?>("--tmdb-id") { Description = "File every name of the run under this TMDB show: identified by id, never searched." };
        var tvmazeId = new Option<int?>("--tvmaze-id") { Description = "File every name of the run under this TVmaze show: identified by id, never searched." };
        var command = new Command("route", "File episodes into a media library (dry run unless --apply); every operation is journaled and can be undone.")
        {
            sources, library, animeLibrary, apply, mode, onConflict, minConfidence, verifyCrc, journal, wait, noClean, createLibrary, format, template, animeTemplate, dailyTemplate, rename, llm, strict,
        };
        command.Description += $"\n\nTemplate placeholders: {TemplateRenderer.PlaceholderHelp}";
        foreach (var option in llmOptions.All.Concat(metadata.All).Append(metadataRequired).Append(metadataFallback).Append(hold).Append(noRefresh).Append(show).Append(tmdbId).Append(tvmazeId))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var roots = result.GetValue(sources) ?? [];
            var missing = roots.Where(r => !File.Exists(r) && !Directory.Exists(r)).ToList();
            foreach (var m in missing)
            {
                context.Error($"no such file or folder: '{m}'");
            }

            if (missing.Count > 0)
            {
                return CliApp.ExitInputError;
            }

            if (RouteOverrides.Read(result, context, show, tmdbId, tvmazeId) is not { } overrides)
            {
                return CliApp.ExitInputError;
            }

            if (!llmOptions.TryBuildConfiguration(result, context, out var configuration))
            {
                return CliApp.ExitConfigError;
            }

            if (!MediaRefresh.TryRead(configuration, context, result.GetValue(noRefresh), out var mediaServers))
            {
                return CliApp.ExitConfigError;
            }

            var section = configuration.GetSection("routing");
            if (LibrarySettings.Root(result.GetValue(library), section, context) is not { } libraryRoot)
            {
                return CliApp.ExitInputError;
            }

            var renameText = result.GetValue(rename) ?? LibrarySettings.Setting(section, "rename") ?? "template";
            if (OptionChecks.Canonical(renameText, RenameModes) is not { } renameMode)
            {
                context.Error(OptionChecks.NotOneOf("[routing] rename", renameText, RenameModes));
                return CliApp.ExitConfigError;
            }

            var fallbackText = result.GetValue(metadataFallback) ?? LibrarySettings.Setting(section, "metadata_fallback") ?? MetadataFallbackNames.NameOf(MetadataFallback.Hold);
            if (MetadataFallbackNames.Parse(fallbackText) is not { } fallback)
            {
                context.Error(OptionChecks.NotOneOf("[routing] metadata_fallback", fallbackText, [.. MetadataFallbackNames.All]));
                return CliApp.ExitConfigError;
            }

            var options = new RoutingOptions
            {
                LibraryRoot = Path.GetFullPath(libraryRoot),
                AnimeRoot = (result.GetValue(animeLibrary) ?? LibrarySettings.Setting(section, "anime_tv_path")) is { Length: > 0 } anime ? Path.GetFullPath(anime) : null,
                Template = result.GetValue(template) ?? LibrarySettings.Setting(section, "template") ?? RoutingOptions.DefaultTemplate,
                AnimeTemplate = result.GetValue(animeTemplate) ?? LibrarySettings.Setting(section, "anime_template") ?? RoutingOptions.DefaultAnimeTemplate,
                DailyTemplate = result.GetValue(dailyTemplate) ?? LibrarySettings.Setting(section, "daily_template") ?? RoutingOptions.DefaultDailyTemplate,
                KeepOriginalName = renameMode == "keep",
                MinConfidence = result.GetValue(minConfidence),
            };
            var problems = TemplateProblems(options, result.GetValue(template) is not null, result.GetValue(animeTemplate) is not null, result.GetValue(dailyTemplate) is not null);
            foreach (var problem in problems)
            {
                context.Error(problem);
            }

            if (problems.Count > 0)
            {
                return CliApp.ExitInputError;
            }

            PipelineHost? host = null;
            try
            {
                if (result.GetValue(llm))
                {
                    host = PipelineHost.Create(configuration, new PipelineOverrides(), new CliLogger(context));
                }
            }
            catch (LlmConfigurationException ex)
            {
                LlmOptions.Report(context, ex);
                return CliApp.ExitConfigError;
            }

            if (!metadata.TryChoose(result, configuration, context, "none", out var provider))
            {
                host?.Dispose();
                return CliApp.ExitConfigError;
            }

            using var metadataHost = provider is { } chosen ? metadata.CreateHost(result, configuration, context, chosen, result.GetValue(llm) ? host?.Service : null) : null;
            if (provider is not null && metadataHost is null)
            {
                host?.Dispose();
                return CliApp.ExitConfigError;
            }

            using var chosenHost = overrides.ShowId is { } sid && sid.Provider != provider ? metadata.CreateHost(result, configuration, context, sid.Provider, null) : null;
            if (overrides.ShowId is { } wanted && wanted.Provider != provider && chosenHost is null)
            {
                host?.Dispose();
                return CliApp.ExitConfigError;
            }

            options = options with { Identifier = RouteOverrides.Identifier(overrides, metadataHost?.Identifier, chosenHost?.Identifier), MetadataRequired = result.GetValue(metadataRequired), MetadataFallback = fallback };
            using (host)
            {
                RoutePlan plan;
                if (host is not null)
                {
                    using var status = new TerminalStatus(context.Stderr, context.StderrIsTerminal);
                    plan = await RoutePlanner.PlanAsync(roots, options, RouteOverrides.Apply(overrides, (names, ct) => ParseWithProgressAsync(host, names, status, ct)), host.Service, new CliLogger(message => { status.Clear(); context.Error(message); }), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    plan = await RoutePlanner.PlanAsync(roots, options, RouteOverrides.Apply(overrides, (names, _) => Task.FromResult<IReadOnlyList<Core.Model.EpisodeParse>>([.. names.Select(RuleParser.Default.Parse)])), null, new CliLogger(context), cancellationToken).ConfigureAwait(false);
                }

                if (host is not null && LlmFailures.Report(context, host.Pipeline.Failures, result.GetValue(strict)) is { } failedStrict)
                {
                    return failedStrict;
                }

                if (MetadataOutage.Summary(plan, provider) is { } outageLine)
                {
                    context.Error(outageLine);
                }

                var json = result.GetValue(format) == "json";
                var applyOptions = new ApplyOptions
                {
                    Mode = HookSettings.ParseMode(result.GetValue(mode) ?? "") ?? RouteMode.Move,
                    OnConflict = result.GetValue(onConflict) == "suffix" ? OnConflict.Suffix : OnConflict.Skip,
                    VerifyCrc = result.GetValue(verifyCrc),
                };

                // Copy and hard-link runs leave the source for seeding: only a move may clean its release folders.
                applyOptions = applyOptions with { Clean = !result.GetValue(noClean) && applyOptions.Mode == RouteMode.Move };

                // The forecast is taken before anything moves: the plan shows what apply will do, counted the way apply counts.
                var (forecast, expected) = RouteForecast.Of(plan, applyOptions);
                if (!result.GetValue(apply))
                {
                    Write(context, plan, forecast, expected, null, null, json);
                    await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var root in new[] { options.LibraryRoot, options.AnimeRoot }.OfType<string>().Where(r => !Directory.Exists(r)).Distinct())
                    {
                        context.Error($"the library root '{root}' does not exist: --apply will refuse it unless --create-library");
                    }

                    context.Stderr.WriteLine("dry run: nothing was changed; add --apply to carry out this plan");
                    return CliApp.ExitOk;
                }

                var libraryRoots = LibrarySettings.Roots(options);
                if (MissingRoot(context, libraryRoots, result.GetValue(createLibrary)) is { } refused)
                {
                    return refused;
                }

                using var libraryLock = LibraryLock.Acquire(libraryRoots, result.GetValue(wait), "route --apply", cancellationToken);
                var journalFolder = LibraryLock.FolderOf(options.LibraryRoot);
                var explicitJournal = result.GetValue(journal);
                var journalPath = explicitJournal is not null ? Path.GetFullPath(explicitJournal) : RouteJournal.NewPath(journalFolder, DateTimeOffset.UtcNow);
                applyOptions = applyOptions with { Resume = RouteJournal.Unfinished(journalFolder) };
                var summary = Execute(context, plan, journalPath, applyOptions, cancellationToken);
                foreach (var resumed in summary.ResumedJournals)
                {
                    context.Stderr.WriteLine($"resumed the interrupted run recorded in {resumed}");
                }

                context.Stderr.WriteLine(summary.JournalPath is { } written ? $"journal: {written}" : "nothing was changed: no journal was written");
                if (result.GetValue(hold))
                {
                    using var queue = Automation.Review.ReviewStore.Open(options.LibraryRoot);
                    var held = Automation.Review.HeldFiles.Record(queue, plan, summary, new Automation.Review.HoldContext("route --apply", applyOptions.Mode));
                    context.Stderr.WriteLine(held.Count > 0 ? $"{held.Count} held for review: see episodic review" : "nothing held for review");
                }

                Write(context, plan, forecast, expected, summary, summary.JournalPath, json);

                // Not the run's token: after Ctrl+C the report of what was done must still come out.
                await context.Stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                foreach (var problem in summary.Problems)
                {
                    context.Error(problem);
                }

                await MediaRefresh.RunAsync(context, mediaServers, libraryRoots, summary, cancellationToken).ConfigureAwait(false);

                if (summary.Interrupted)
                {
                    var undo = summary.JournalPath is { } j ? $", or episodic undo {j}" : "";
                    context.Error($"interrupted: {summary.Completed} of {summary.Total} done; re-run to resume{undo}");
                    return ExitCodes.Interrupted;
                }

                return summary.Failed > 0 || summary.CrcMismatches > 0 ? ExitSomeFailed : CliApp.ExitOk;
            }
        });
        return command;
    }

    /// <summary>
    /// A library root that does not exist is refused (an unmounted share must not fill the local disk) unless
    /// --create-library; <paramref name="announce"/> says so on stderr (route does, watch keeps its log to routed files).
    /// </summary>
    internal static int? MissingRoot(CliContext context, IEnumerable<string> roots, bool create, bool announce = true)
    {
        foreach (var root in roots.Where(r => !Directory.Exists(r)))
        {
            if (!create)
            {
                context.Error($"the library root '{root}' does not exist (is the share mounted?); add --create-library to create it");
                return CliApp.ExitInputError;
            }

            Directory.CreateDirectory(root);
            if (announce)
            {
                context.Stderr.WriteLine($"created the library root '{root}'");
            }
        }

        return null;
    }

    /// <summary>Parses through the pipeline, counting answers on the status line; folder matching follows under "matching".</summary>
    private static async Task<IReadOnlyList<Core.Model.EpisodeParse>> ParseWithProgressAsync(PipelineHost host, IReadOnlyList<string> names, TerminalStatus status, CancellationToken cancellationToken)
    {
        var results = new List<Core.Model.EpisodeParse>(names.Count);
        status.Show($"parsing 0/{names.Count}", force: true);
        await foreach (var r in host.Pipeline.ParseAllAsync(names, cancellationToken).ConfigureAwait(false))
        {
            results.Add(r);
            status.Show($"parsing {results.Count}/{names.Count}");
        }

        status.Show("matching show folders", force: true);
        return results;
    }

    /// <summary>Each template must be usable and must read back to the numbers it writes; problems name the flag or key to fix.</summary>
    private static List<string> TemplateProblems(RoutingOptions options, bool templateFlag, bool animeFlag, bool dailyFlag)
    {
        var problems = new List<string>();
        foreach (var (layout, flag, key, fromFlag) in new[]
        {
            (RouteLayout.Season, "--template", "[routing] template", templateFlag),
            (RouteLayout.Absolute, "--anime-template", "[routing] anime_template", animeFlag),
            (RouteLayout.Daily, "--daily-template", "[routing] daily_template", dailyFlag),
        })
        {
            problems.AddRange(TemplateValidator.Problems(options, layout, fromFlag ? flag : key));
        }

        return problems;
    }

    /// <summary>Applies the plan, with a progress bar on stderr when it is a terminal.</summary>
    private static RouteSummary Execute(CliContext context, RoutePlan plan, string journalPath, ApplyOptions options, CancellationToken cancellationToken)
    {
        if (!context.StderrIsTerminal)
        {
            return RouteExecutor.Apply(plan, journalPath, options, null, cancellationToken);
        }

        RouteSummary? summary = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Stderr) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("Routing", maxValue: Math.Max(plan.Items.Count, 1));
                summary = RouteExecutor.Apply(plan, journalPath, options, new Reporter(p => task.Value = p.Completed), cancellationToken);
            });
        return summary!;
    }

    /// <summary>The plan, then the totals: the forecast's for a dry run, apply's own after --apply (same counters, same format).</summary>
    private static void Write(CliContext context, RoutePlan plan, IReadOnlyList<ForecastItem> forecast, RouteSummary expected, RouteSummary? summary, string? journalPath, bool json)
    {
        if (json)
        {
            using var buffer = new MemoryStream();
            RouteReport.WriteJson(plan, forecast, expected, summary, journalPath, buffer);
            context.Stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }

        RouteReport.WriteTable(plan, forecast, context.Stdout);
        if (summary is null)
        {
            RouteReport.WriteSummary(expected, context.Stdout, "dry run, --apply would report: ");
        }
        else
        {
            RouteReport.WriteSummary(summary, context.Stdout);
        }
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool and update the bar late).</summary>
    private sealed class Reporter(Action<RouteProgress> report) : IProgress<RouteProgress>
    {
        public void Report(RouteProgress value) => report(value);
    }
}
