using System.Collections.Concurrent;
using Episodic.Routing.Planning;
using Microsoft.Extensions.Logging;

namespace Episodic.Automation.Watch;

/// <summary>
/// Hands every complete video that arrives under the watched folders to <c>route</c>: found by a file-system watcher
/// (each batch of events reads only what it names, <see cref="ChangeBatch"/>) and by a full walk at start (what arrived
/// while the watcher was down), every rescan interval (events are lost on network shares) and after the watcher's
/// buffer overflowed; listed by the scanner <c>route</c> uses (<see cref="SourceScanner.Videos"/>), complete once settled (<see cref="SettleTracker"/>), not open for writing
/// (<see cref="OpenForWriting"/>) and not a client's partial name (<see cref="PartialNames"/>).
/// </summary>
/// <param name="route">
/// Routes the ready files (full paths); returns false when it could not run now (the library is busy), so they are
/// tried again after another settle time. Stopping is passed on: it finishes the file in hand and returns.
/// </param>
public sealed class FolderWatcher(IReadOnlyList<string> roots, WatchOptions options, Func<IReadOnlyList<string>, CancellationToken, Task<bool>> route, ILogger logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentQueue<WatchEvent> _events = new();
    private readonly SettleTracker _tracker = new(options.Settle);
    private readonly List<string> _roots = [.. roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r)))];
    private readonly HashSet<string> _announcedOpen = new(StringComparer.Ordinal);
    private volatile bool _lost;

    /// <summary>
    /// Lists the candidate videos of a folder (with its subfolders when asked): the route's scanner. A seam, so a test
    /// can see which folders a batch read.
    /// </summary>
    internal Func<string, bool, IEnumerable<string>> Videos { get; init; } = (folder, recursive) => SourceScanner.Videos(folder, recursive);

    /// <summary>Watches until <paramref name="stop"/>; the batch in hand when it comes is finished before returning.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var watchers = _roots.Select(Watch).ToList();
        try
        {
            var settle = DurationText.Format(options.Settle);
            var rescan = DurationText.Format(options.Rescan);
            WatchLog.Started(logger, _roots, settle, rescan);
            var nextRescan = DateTimeOffset.MinValue;
            while (!stop.IsCancellationRequested)
            {
                var now = _time.GetUtcNow();
                var full = now >= nextRescan || _lost;
                if (full)
                {
                    _lost = false;
                    nextRescan = now + options.Rescan;
                }

                Drain(now, full);
                var ready = _tracker.Ready(now);
                if (ready.Count > 0)
                {
                    await HandOverAsync(ready, stop).ConfigureAwait(false);
                }

                try
                {
                    await Task.Delay(options.Tick, _time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            foreach (var w in watchers)
            {
                w.Dispose();
            }
        }
    }

    /// <summary>Drops what is still open for writing (its clock restarts), routes the rest, and remembers it as handled.</summary>
    private async Task HandOverAsync(IReadOnlyList<string> ready, CancellationToken stop)
    {
        var open = OpenForWriting.Among(ready);
        var now = _time.GetUtcNow();
        foreach (var path in open)
        {
            if (_announcedOpen.Add(path))
            {
                WatchLog.StillOpen(logger, path);
            }

            _tracker.Restart(path, now);
        }

        var batch = ready.Where(p => !open.Contains(p)).ToList();
        if (batch.Count == 0)
        {
            return;
        }

        if (await route(batch, stop).ConfigureAwait(false))
        {
            foreach (var path in batch)
            {
                _tracker.Handled(path);
            }
        }
        else
        {
            foreach (var path in batch)
            {
                _tracker.Restart(path, _time.GetUtcNow());
            }
        }
    }

    /// <summary>
    /// Takes in the events queued since the last look as one batch (<see cref="ChangeBatch"/>), or walks every watched
    /// folder when <paramref name="full"/>; the videos found outside partial names are tracked.
    /// </summary>
    private void Drain(DateTimeOffset now, bool full)
    {
        var events = new List<WatchEvent>();
        while (_events.TryDequeue(out var e))
        {
            events.Add(e);
        }

        var batch = full ? ChangeBatch.Everything : ChangeBatch.Of(events);
        var listed = batch.Full
            ? _roots.Select(root => (root, true))
            : batch.Trees.Select(tree => (tree, true)).Concat(batch.Folders.Select(folder => (folder, false)));
        foreach (var (folder, recursive) in listed)
        {
            foreach (var file in Videos(folder, recursive))
            {
                Track(file, now);
            }
        }

        if (!batch.Full)
        {
            foreach (var file in batch.Files)
            {
                Track(file, now);
            }
        }
    }

    private void Track(string path, DateTimeOffset now)
    {
        if (_roots.FirstOrDefault(r => path.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal)) is not { } root
            || !SourceScanner.VideoExtensions.Contains(Path.GetExtension(path))
            || PartialNames.Match(path, root) is not null
            || path.Contains(Path.DirectorySeparatorChar + ".episodic", StringComparison.Ordinal))
        {
            return;
        }

        _tracker.Observe(path, now);
    }

    private void Enqueue(string path, WatchChange change) => _events.Enqueue(new(path, change));

    private FileSystemWatcher Watch(string root)
    {
        var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => Enqueue(e.FullPath, WatchChange.Created);
        watcher.Changed += (_, e) => Enqueue(e.FullPath, WatchChange.Changed);
        watcher.Renamed += (_, e) => Enqueue(e.FullPath, WatchChange.Renamed);
        watcher.Error += (_, e) =>
        {
            WatchLog.EventsLost(logger, e.GetException().Message);
            _lost = true;
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
