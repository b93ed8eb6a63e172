using System.Diagnostics;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>
/// Only a held lock is "busy" (exit 7). A library on a read-only file system is exit 1 saying so, at once, even with
/// <c>--wait</c>: a real read-only tmpfs mount and the built CLI as a second process.
/// </summary>
public sealed class ReadOnlyLibraryTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_read_only_library_is_said_to_be_read_only_not_busy_and_is_not_waited_on(bool usedBefore)
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("Show.S01E01.mkv");
        using var mount = ReadOnlyMount.TryCreate(fx.Library, before: usedBefore ? root => File.WriteAllText(Path.Join(Directory.CreateDirectory(Path.Join(root, ".episodic")).FullName, "lock"), "") : null);
        Assert.SkipWhen(mount is null, "mounting a read-only tmpfs needs root (CAP_SYS_ADMIN); this machine does not allow it");
        var clock = Stopwatch.StartNew();

        var run = await CliProcess.RunAsync(["route", fx.Downloads, "--library", fx.Library, "--apply", "--wait", "2m"], fx.Root);

        Assert.True(run.Exit == 1, $"exit {run.Exit}, expected 1: {run.Stderr}");
        Assert.Contains("read-only file system", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("in use by another run", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(Path.Join(fx.Library, ".episodic"), run.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}: --wait must not poll a read-only library");
        Assert.True(File.Exists(source));
    }

    /// <summary>A tmpfs mounted over a folder, optionally filled, then remounted read-only; unmounted on dispose.</summary>
    private sealed class ReadOnlyMount : IDisposable
    {
        private readonly string _folder;

        private ReadOnlyMount(string folder) => _folder = folder;

        public static ReadOnlyMount? TryCreate(string folder, Action<string>? before)
        {
            if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder))
            {
                return null;
            }

            var mount = new ReadOnlyMount(folder);
            before?.Invoke(folder);
            if (!Run("mount", "-o", "remount,ro", folder))
            {
                mount.Dispose();
                return null;
            }

            return mount;
        }

        public void Dispose() => Run("umount", _folder);

        private static bool Run(string file, params string[] args)
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
                process.WaitForExit();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
