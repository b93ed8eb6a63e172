using Episodic.Routing.Apply;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>
/// <c>--mode hardlink</c> across file systems copies through a temp file; a <c>kill -9</c> mid-copy must leave a
/// journal line naming it, so resume and undo remove it. The CLI runs as a real second process with its library on
/// another file system (/dev/shm); its source is a FIFO, so the copy blocks with the temp file half written until the
/// test has killed it — deterministic, without sleeping.
/// </summary>
public sealed class HardlinkFallbackKillTests
{
    private const string SharedMemory = "/dev/shm";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_kill_during_the_cross_device_copy_leaves_a_temp_file_that_resume_or_undo_removes(bool resume)
    {
        using var fx = new RoutingFixture();
        using var library = OtherFileSystemFolder(fx);
        Assert.SkipWhen(library is null, $"no second file system here ({SharedMemory} is missing or on the same device as the temp folder)");
        var fifo = Path.Join(fx.Downloads, "Show.S01E01.mkv");
        Assert.Equal(0, MkFifo(fifo, 0b110_100_100));
        string[] route = ["route", fx.Downloads, "--library", library.Path, "--mode", "hardlink", "--apply", "--journal", fx.Journal];

        using (var child = CliProcess.Start(route, fx.Root))
        {
            // Opening the FIFO for writing waits for the child's copy to open it for reading.
            await using var writer = await Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write), TestContext.Current.CancellationToken);
            writer.Write(new byte[64 * 1024]);
            writer.Flush();
            await WaitForTempAsync(library.Path);
            child.Signal(9);
            await child.WaitAsync();
        }

        Assert.Single(Temps(library.Path));
        File.Delete(fifo);
        var (exit, _, stderr) = resume
            ? await CliProcess.RunAsync(route, fx.Root)
            : await CliProcess.RunAsync(["undo", fx.Journal], fx.Root);

        Assert.Empty(Temps(library.Path));
        Assert.True(exit is 0 or 5, $"exit {exit}: {stderr}");
        if (!resume)
        {
            Assert.DoesNotContain(Directory.GetDirectories(library.Path), d => !Path.GetFileName(d).StartsWith('.'));
        }
    }

    private static string[] Temps(string root) =>
        Directory.GetFiles(root, Transfer.TempPrefix + "*", SearchOption.AllDirectories);

    /// <summary>The copy has made its temp file (its intent line was flushed before).</summary>
    private static async Task WaitForTempAsync(string root)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (Temps(root).Length > 0)
            {
                return;
            }

            await Task.Delay(20, limit.Token);
        }
    }

    /// <summary>A fresh folder under /dev/shm when that is another device than the fixture's (a hard link fails there).</summary>
    private static TempFolder? OtherFileSystemFolder(RoutingFixture fx)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(SharedMemory))
        {
            return null;
        }

        var folder = new TempFolder(Path.Join(SharedMemory, $"episodic-test-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(folder.Path);
        var probe = fx.Write("probe", "probe");
        try
        {
            NativeLinks.Create(probe, Path.Join(folder.Path, "probe"));
            folder.Dispose();
            return null;
        }
        catch (CrossDeviceException)
        {
            return folder;
        }
        finally
        {
            File.Delete(probe);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);

    private sealed class TempFolder(string path) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
