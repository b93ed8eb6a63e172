using Episodic.Routing.Journal;
using Episodic.Routing.Library;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>
/// Nothing Episodic writes inside a library follows a link it did not make: a planted <c>.episodic/lock</c>,
/// <c>lock.holder</c> or <c>.episodic</c> link (to the journal key, say) is refused with one line and exit 1, and the
/// file it points to is untouched. The refusals go through the built CLI as a real second process.
/// </summary>
public sealed class OwnFileLinkTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";

    [Theory]
    [InlineData(LibraryLock.FileName)]
    [InlineData(LibraryLock.HolderFileName)]
    public async Task A_symlinked_lock_or_holder_is_refused_and_its_target_is_untouched(string name)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        var secret = fx.Write("secret.key", Secret, fx.Root);
        var link = Path.Join(fx.Library, ".episodic", name);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, secret);
        var before = fx.Snapshot(fx.Downloads);

        var run = await CliProcess.RunAsync(["route", fx.Downloads, "--library", fx.Library, "--apply"], fx.Root);

        Assert.True(run.Exit == 1, $"exit {run.Exit}: {run.Stderr}");
        Assert.Equal(Secret, File.ReadAllText(secret));
        Assert.Equal(before, fx.Snapshot(fx.Downloads));
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"'{link}' is a symbolic link to '{secret}'", line, StringComparison.Ordinal);
        Assert.Contains($"rm '{link}'", line, StringComparison.Ordinal);
        Assert.True(new FileInfo(link).LinkTarget is not null, "the link is left for the user to remove");
    }

    [Fact]
    public async Task A_symlinked_episodic_folder_is_refused_by_undo_and_nothing_is_made_where_it_points()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        Assert.Equal(0, (await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply", "--journal", fx.Journal])).Exit);
        var elsewhere = Directory.CreateDirectory(Path.Join(fx.Root, "elsewhere")).FullName;
        var own = Path.Join(fx.Library, ".episodic");
        Directory.Delete(own, recursive: true);
        Directory.CreateSymbolicLink(own, elsewhere);
        var before = fx.Snapshot(fx.Library);

        var run = await CliProcess.RunAsync(["undo", fx.Journal], fx.Root);

        Assert.True(run.Exit == 1, $"exit {run.Exit}: {run.Stderr}");
        Assert.Contains($"'{own}' is a symbolic link to '{elsewhere}'", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
        Assert.Equal(before, fx.Snapshot(fx.Library));
    }

    [Fact]
    public async Task A_fifo_where_the_lock_belongs_is_refused_at_once_not_waited_on()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "mkfifo");
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        var lockPath = Path.Join(fx.Library, ".episodic", LibraryLock.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        Assert.Equal(0, MkFifo(lockPath, 0b110_100_100));

        var run = await CliProcess.RunAsync(["route", fx.Downloads, "--library", fx.Library, "--apply"], fx.Root, timeout: TimeSpan.FromMinutes(1));

        Assert.True(run.Exit == 1, $"exit {run.Exit}: {run.Stderr}");
        Assert.Contains($"'{lockPath}' is a FIFO (named pipe), not a regular file", run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(fx.Downloads, "Show.S01E01.mkv")));
    }

    [Fact]
    public void A_hard_linked_lock_is_refused_so_the_other_name_is_not_truncated()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the link count is read with statx");
        using var fx = new RoutingFixture();
        var secret = fx.Write("secret.key", Secret, fx.Library);
        var lockPath = Path.Join(fx.Library, ".episodic", LibraryLock.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        Assert.Equal(0, HardLink(secret, lockPath));

        var refused = Assert.Throws<LibraryAccessException>(() => LibraryLock.Acquire([fx.Library], TimeSpan.Zero, "test", TestContext.Current.CancellationToken));

        Assert.Equal(LibraryAccessProblem.HardLinked, refused.Problem);
        Assert.Equal(Secret, File.ReadAllText(secret));
    }

    [Fact]
    public void A_holder_swapped_for_a_link_while_the_lock_is_held_never_shows_its_target()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        using var fx = new RoutingFixture();
        var secret = fx.Write("secret.key", Secret, fx.Root);
        using var held = LibraryLock.Acquire([fx.Library], TimeSpan.Zero, "first", TestContext.Current.CancellationToken);
        var holder = Path.Join(fx.Library, ".episodic", LibraryLock.HolderFileName);
        File.Delete(holder);
        File.CreateSymbolicLink(holder, secret);

        var busy = Assert.Throws<LibraryBusyException>(() => LibraryLock.Acquire([fx.Library], TimeSpan.Zero, "second", TestContext.Current.CancellationToken));

        Assert.Null(busy.Holder);
        Assert.DoesNotContain(Secret.Trim(), busy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_planted_as_a_link_in_episodic_is_left_alone_and_named()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        var secret = fx.Write("secret.key", Secret, fx.Root);
        var planted = Path.Join(fx.Library, ".episodic", "journal-20260101-000000-000-abcdef.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(planted)!);
        File.CreateSymbolicLink(planted, secret);

        var run = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply"]);

        Assert.True(run.Exit == 0, run.Stderr);
        Assert.Contains($"left the journal '{planted}' alone: '{planted}' is a symbolic link", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(Secret, File.ReadAllText(secret));
        var undo = Assert.Throws<LibraryAccessException>(() => RouteUndo.Undo(planted, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(LibraryAccessProblem.SymbolicLink, undo.Problem);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int HardLink([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string existing, [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string newPath);
}
