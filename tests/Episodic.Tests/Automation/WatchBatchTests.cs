using System.Collections.Concurrent;
using Episodic.Automation.Watch;
using Episodic.Routing.Planning;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>
/// A batch of file-system events reads only what the events name (<see cref="ChangeBatch"/>), on real folders; the
/// watcher lists through the route's scanner, and walks everything again only at start, on a rescan or a renamed folder.
/// </summary>
public sealed class WatchBatchTests
{
    [Fact]
    public void Events_become_outermost_new_trees_folders_changed_in_place_and_files_each_once()
    {
        var root = Directory.CreateTempSubdirectory("episodic-watch-").FullName;
        string At(params string[] parts) => Path.Join([root, .. parts]);
        foreach (var folder in new[] { At("A"), At("B"), At("C", "sub"), At("C B") })
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(At("A", "Show.S01E01.mkv"), "a");
        var batch = ChangeBatch.Of(
        [
            new(At("C", "sub"), WatchChange.Created),
            new(At("C"), WatchChange.Created),
            new(At("C B"), WatchChange.Created),
            new(At("C", "sub"), WatchChange.Changed),
            new(At("B"), WatchChange.Changed),
            new(At("A", "Show.S01E01.mkv"), WatchChange.Created),
            new(At("A", "Show.S01E01.mkv"), WatchChange.Changed),
            new(At("A", "gone.mkv"), WatchChange.Created),
            new(At("A", "Show.S01E01.mkv"), WatchChange.Renamed),
            new(At("C", "sub", "Show.S01E02.mkv"), WatchChange.Created),
        ]);

        Assert.False(batch.Full);
        Assert.Equal([At("C"), At("C B")], batch.Trees);
        Assert.Equal([At("B")], batch.Folders);
        Assert.Equal([At("A", "Show.S01E01.mkv"), At("A", "gone.mkv")], batch.Files);

        // A folder renamed inside the watched folders: everything the watcher holds below its old name is stale.
        Assert.True(ChangeBatch.Of([new(At("A", "Show.S01E01.mkv"), WatchChange.Created), new(At("B"), WatchChange.Renamed)]).Full);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task After_the_first_walk_a_batch_lists_only_the_folders_its_events_name()
    {
        var root = Directory.CreateTempSubdirectory("episodic-watch-").FullName;
        var outside = Directory.CreateTempSubdirectory("episodic-watch-out-").FullName;
        string At(params string[] parts) => Path.Join([root, .. parts]);
        Directory.CreateDirectory(At("A"));
        Directory.CreateDirectory(At("B", "deep"));
        File.WriteAllText(At("A", "Show.S01E01.mkv"), "1");
        File.WriteAllText(At("B", "deep", "Show.S01E02.mkv"), "2");
        var listed = new ConcurrentQueue<(string Folder, bool Recursive)>();
        var routed = new ConcurrentQueue<string>();
        var watcher = new FolderWatcher(
            [root],
            new WatchOptions { Settle = TimeSpan.FromMilliseconds(200), Rescan = TimeSpan.FromHours(1) },
            (ready, _) =>
            {
                foreach (var path in ready)
                {
                    routed.Enqueue(path);
                }

                return Task.FromResult(true);
            },
            NullLogger.Instance)
        {
            Videos = (folder, recursive) =>
            {
                listed.Enqueue((folder, recursive));
                return SourceScanner.Videos(folder, recursive);
            },
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = watcher.RunAsync(stop.Token);
        var limit = TimeSpan.FromSeconds(15);

        // Start: one walk of the whole tree finds what was already there.
        Assert.True(await WatchHelpers.EventuallyAsync(() => routed.Count == 2, limit), string.Join(", ", routed));
        Assert.Equal([(root, true)], listed);

        // A file written beside an old one, a release folder moved in (its files raise no events), an old folder touched.
        File.WriteAllText(At("A", "Show.S01E03.mkv"), "3");
        Directory.CreateDirectory(Path.Join(outside, "Rel", "sub"));
        File.WriteAllText(Path.Join(outside, "Rel", "sub", "Show.S01E04.mkv"), "4");
        Directory.Move(Path.Join(outside, "Rel"), At("Rel"));
        Directory.SetLastWriteTimeUtc(At("B"), DateTime.UtcNow.AddDays(-1));
        Assert.True(await WatchHelpers.EventuallyAsync(() => routed.Contains(At("A", "Show.S01E03.mkv")) && routed.Contains(At("Rel", "sub", "Show.S01E04.mkv")) && listed.Contains((At("B"), false)), limit), string.Join(", ", listed));

        // Only the new folder's tree and the touched folder's own files were read: not A, not B's subtree, not the root.
        Assert.Equal([(At("B"), false), (At("Rel"), true)], listed.Skip(1).Distinct().Order());

        // A folder renamed inside the tree: the next batch walks everything again, and finds the files under the new name.
        Directory.Move(At("Rel"), At("Rel2"));
        Assert.True(await WatchHelpers.EventuallyAsync(() => routed.Contains(At("Rel2", "sub", "Show.S01E04.mkv")), limit), string.Join(", ", routed));
        Assert.Equal(2, listed.Count(l => l == (root, true)));

        await stop.CancelAsync();
        await run;
        Directory.Delete(root, recursive: true);
        Directory.Delete(outside, recursive: true);
    }
}
