using System.Collections.Concurrent;
using Episodic.Routing.Planning;
using Microsoft.Extensions.Logging;

namespace Episodic.Automation.Watch;

/// <summary>
/// Hands every complete video that arrives under the watched folders to <c>route</c>: found by a file-system watcher
/// and by a full walk at start (what arrived while the watcher was down) and every rescan interval (events are lost on
/// network shares), complete once settled (<see cref="SettleTracker"/>), not open for writing
/// (<see cref="OpenForWriting"/>) and not a client's partial name (<see cref="PartialNames"/>).
/// </summary>
/// <param name="route">
/// Routes the ready files (full paths); returns false when it could not run now (the library is busy), so they are
/// tried again after another settle time. Stopping is passed on: it finishes the file in hand and returns.
/// </param>
public sealed class FolderWatcher(IReadOnlyList<string> roots, WatchOptions options, Func<IReadOnlyList<string>, CancellationToken, Task<bool>> route, ILogger logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentQueue<string> _events = new();
    private readonly SettleTracker _tracker = new(options.Settle);
    private readonly List<string> _roots = [.. roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r)))];
    private readonly HashSet<string> _announcedOpen = new(StringComparer.Ordinal);
    private volatile bool _lost;

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
                if (now >= nextRescan || _lost)
                {
                    _lost = false;
                    nextRescan = now + options.Rescan;
                    foreach (var root in _roots)
                    {
                        Enqueue(root);
                    }
                }

                Drain(now);
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

    /// <summary>Takes in the paths the events and rescans queued: folders are walked, videos outside partial names are tracked.</summary>
    private void Drain(DateTimeOffset now)
    {
        while (_events.TryDequeue(out var path))
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Files(path))
                {
                    Track(file, now);
                }
            }
            else
            {
                Track(path, now);
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

    private static List<string> Files(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None }).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private void Enqueue(string path) => _events.Enqueue(path);

    private FileSystemWatcher Watch(string root)
    {
        var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => Enqueue(e.FullPath);
        watcher.Changed += (_, e) => Enqueue(e.FullPath);
        watcher.Renamed += (_, e) => Enqueue(e.FullPath);
        watcher.Error += (_, e) =>
        {
            WatchLog.EventsLost(logger, e.GetException().Message);
            _lost = true;
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
