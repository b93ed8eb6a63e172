using System.CommandLine;
using Episodic.Automation.Refresh;
using Episodic.Automation.Review;
using Episodic.Automation.Watch;
using Episodic.Core.Parsing;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Episodic.Routing.Planning;
using Episodic.Routing.Reporting;
using Microsoft.Extensions.Logging;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic watch FOLDER... --library LIB</c>: a long-running watcher that routes each video once it is complete,
/// through the same planner and journaled executor as <c>route --apply</c>, so a <c>kill -9</c> loses nothing and
/// <c>undo</c> reverses it. SIGTERM (or Ctrl+C) finishes the file in hand and exits 0.
/// </summary>
internal static class WatchCommand
{
    /// <summary>How long a batch waits for another run's library lock before it is retried later.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    public static Command Create(CliContext context)
    {
        var folders = new Argument<string[]>("FOLDER") { Description = "Folders to watch (recursively) for finished downloads.", Arity = ArgumentArity.OneOrMore };
        var library = new Option<string?>("--library") { Description = "Library root for TV shows (default [routing] tv_path)." };
        var animeLibrary = new Option<string?>("--anime-library") { Description = "Separate root for anime (default [routing] anime_tv_path, else --library)." };
        var mode = new Option<string>("--mode") { Description = "move, copy, or hardlink (keeps seeding; copies across devices).", DefaultValueFactory = _ => "move" };
        mode.OneOf("move", "copy", "hardlink");
        var onConflict = new Option<string>("--on-conflict") { Description = "A different file already at the destination: skip, or suffix. Never overwritten.", DefaultValueFactory = _ => "skip" };
        onConflict.OneOf("skip", "suffix");
        var minConfidence = new Option<double>("--min-confidence") { Description = "Files parsed with less confidence are left in place.", DefaultValueFactory = _ => RoutingOptions.DefaultMinConfidence };
        minConfidence.Probability();
        var settle = Duration.Option("--settle", $"A file is complete once its size and mtime have not changed for this long (default {WatchOptions.DefaultSettle.TotalSeconds:0}s).");
        settle.DefaultValueFactory = _ => WatchOptions.DefaultSettle;
        var rescan = Duration.Option("--rescan", $"Walk the folders again this often: events are lost on network shares (default {WatchOptions.DefaultRescan.TotalSeconds:0}s).");
        rescan.DefaultValueFactory = _ => WatchOptions.DefaultRescan;
        var createLibrary = new Option<bool>("--create-library") { Description = "Create the library root when it does not exist (by default a missing root is refused: an unmounted share would fill the local disk)." };
        var noRefresh = MediaRefresh.NoRefreshOption();
        var llmOptions = new LlmOptions();
        var command = new Command("watch", "Watch download folders and route every finished video into the library (journaled, like route --apply); runs until SIGTERM.")
        {
            folders, library, animeLibrary, mode, onConflict, minConfidence, settle, rescan, createLibrary, noRefresh, llmOptions.Config,
        };

        command.SetAction(async (result, cancellationToken) =>
        {
            var roots = result.GetValue(folders) ?? [];
            var missing = roots.Where(r => !Directory.Exists(r)).ToList();
            foreach (var m in missing)
            {
                context.Error($"no such folder: '{m}'");
            }

            if (missing.Count > 0)
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

            // The same [routing] reading as route, hook and review (templates, rename = keep, trailing separators).
            if (LibrarySettings.Routing(configuration, libraryRoot, result.GetValue(animeLibrary), out var problem) is not { } routing)
            {
                context.Error(problem!);
                return CliApp.ExitConfigError;
            }

            var options = routing with { MinConfidence = result.GetValue(minConfidence) };

            var libraryRoots = LibrarySettings.Roots(options).Distinct().ToList();
            if (RouteCommand.MissingRoot(context, libraryRoots, result.GetValue(createLibrary), announce: false) is { } refused)
            {
                return refused;
            }

            var applyOptions = new ApplyOptions
            {
                Mode = HookSettings.ParseMode(result.GetValue(mode) ?? "") ?? RouteMode.Move,
                OnConflict = result.GetValue(onConflict) == "suffix" ? OnConflict.Suffix : OnConflict.Skip,
            };
            var gate = new Lock();
            var logger = new LineLogger(line =>
            {
                lock (gate)
                {
                    context.Stderr.WriteLine(line);
                    context.Stderr.Flush();
                }
            });
            var watchOptions = new WatchOptions { Settle = result.GetValue(settle), Rescan = result.GetValue(rescan) };
            var batches = new WatchBatch(roots, options, applyOptions, libraryRoots, logger)
            {
                Refresh = (summary, token) => MediaRefresh.RunAsync(context, mediaServers, libraryRoots, summary, token),
            };
            await new FolderWatcher(roots, watchOptions, batches.RouteAsync, logger).RunAsync(cancellationToken).ConfigureAwait(false);
            WatchLog.Stopping(logger, "signal received; the file in hand was finished");
            return CliApp.ExitOk;
        });
        return command;
    }

    /// <summary>
    /// One batch of ready files: planned over the watched folders (only those files taken) and applied under the library
    /// lock and a new journal; what cannot be settled is held in the review queue, and the media servers are asked to
    /// rescan once the lock is released.
    /// </summary>
    private sealed class WatchBatch(IReadOnlyList<string> roots, RoutingOptions options, ApplyOptions applyOptions, IReadOnlyList<string> libraryRoots, ILogger logger)
    {
        /// <summary>The media-server refresh after a batch that changed the library; it only warns.</summary>
        public required Func<RouteSummary, CancellationToken, Task> Refresh { get; init; }

        public async Task<bool> RouteAsync(IReadOnlyList<string> ready, CancellationToken stop)
        {
            var take = new HashSet<string>(ready, StringComparer.Ordinal);

            // Planning is not interrupted: it reads only, and the stop is honoured by the executor after the file in hand.
            var plan = await RoutePlanner.PlanAsync(roots, options with { Include = take.Contains }, RuleParser.Default.Parse, null, logger, CancellationToken.None).ConfigureAwait(false);
            LibraryLock libraryLock;
            try
            {
                libraryLock = LibraryLock.Acquire(libraryRoots, LockWait, "watch", stop);
            }
            catch (Exception ex) when (ex is LibraryBusyException or OperationCanceledException)
            {
                WatchLog.Retry(logger, ex.Message);
                return false;
            }

            RouteSummary summary;
            using (libraryLock)
            {
                var journalFolder = LibraryLock.FolderOf(options.LibraryRoot);
                summary = RouteExecutor.Apply(plan, RouteJournal.NewPath(journalFolder, DateTimeOffset.UtcNow), applyOptions with { Resume = RouteJournal.Unfinished(journalFolder) }, null, stop);
                foreach (var resumed in summary.ResumedJournals)
                {
                    WatchLog.Resumed(logger, resumed);
                }

                var operation = applyOptions.Mode switch { RouteMode.Copy => "copied", RouteMode.Hardlink => "linked", _ => "moved" };
                foreach (var filed in summary.Filed.Where(f => SourceScanner.VideoExtensions.Contains(Path.GetExtension(f.Source))))
                {
                    WatchLog.Routed(logger, filed.Changed ? operation : "already in place", filed.Source, filed.Destination);
                }

                var held = Hold(plan, summary);
                foreach (var item in plan.Items.Where(i => i.Action == RouteAction.Skip && !held.Contains(i.Source)))
                {
                    WatchLog.Skipped(logger, item.Source, item.Hold?.Detail ?? item.Reason);
                }

                foreach (var problem in summary.Problems)
                {
                    WatchLog.Retry(logger, problem);
                }

                if (summary.JournalPath is { } journal)
                {
                    WatchLog.Journal(logger, journal);
                }
            }

            // After the lock: a slow media server must not keep a hook or a person's route waiting.
            await Refresh(summary, stop).ConfigureAwait(false);
            return true;
        }

        /// <summary>
        /// Records what the batch could not settle in the review queue (as <c>route --apply --hold</c> does) and returns
        /// the sources it covers. A file already held unchanged (a restart offers it again) is not held or logged anew.
        /// </summary>
        private HashSet<string> Hold(RoutePlan plan, RouteSummary summary)
        {
            var covered = new HashSet<string>(StringComparer.Ordinal);
            using var queue = ReviewStore.Open(options.LibraryRoot);
            var already = queue.List().ToDictionary(i => i.Path, StringComparer.Ordinal);
            foreach (var item in HeldFiles.Of(plan, summary, new HoldContext("watch", applyOptions.Mode)))
            {
                covered.Add(item.Path);
                if (already.TryGetValue(item.Path, out var old) && old.Size == item.Size && old.Modified.ToUnixTimeMilliseconds() == item.Modified.ToUnixTimeMilliseconds() && old.Reason == item.Reason)
                {
                    continue;
                }

                if (queue.Hold(item) is not null)
                {
                    WatchLog.Held(logger, item.Path, item.Detail);
                }
            }

            return covered;
        }
    }
}
