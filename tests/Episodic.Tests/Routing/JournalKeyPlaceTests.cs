using Episodic.Routing.Journal;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>
/// Where the journal key lives and who may read it, through the built CLI as a real second process with its own
/// HOME: a fresh account without <c>~/.config</c> routes and undoes (the folder is made, XDG_CONFIG_HOME honoured);
/// only a truly absent HOME is a configuration error.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class JournalKeyPlaceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Route_and_undo_make_the_key_folder_when_there_is_no_config_folder(bool xdg)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "HOME and XDG_CONFIG_HOME are the Unix places");
        using var fx = new RoutingFixture();
        var source = fx.Write("Show.S01E01.mkv");
        var home = Directory.CreateDirectory(Path.Join(fx.Root, "home")).FullName;
        var xdgFolder = Path.Join(fx.Root, "xdg");
        var environment = new Dictionary<string, string> { ["HOME"] = home, ["XDG_CONFIG_HOME"] = xdg ? xdgFolder : "", [JournalKey.FileVariable] = "" };

        var route = await CliProcess.RunAsync(["route", fx.Downloads, "--library", fx.Library, "--apply", "--journal", fx.Journal], fx.Root, environment);

        Assert.True(route.Exit == 0, $"exit {route.Exit}: {route.Stderr}");
        Assert.False(File.Exists(source));
        var key = xdg ? Path.Join(xdgFolder, "episodic", "journal.key") : Path.Join(home, ".config", "episodic", "journal.key");
        Assert.True(File.Exists(key), $"no key at {key}");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(key)!));

        var undo = await CliProcess.RunAsync(["undo", fx.Journal], fx.Root, environment);

        Assert.True(undo.Exit == 0, $"exit {undo.Exit}: {undo.Stderr}");
        Assert.True(File.Exists(source));
    }

    [Fact]
    public async Task Only_an_absent_HOME_without_XDG_CONFIG_HOME_or_a_key_file_is_a_configuration_error()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "HOME and XDG_CONFIG_HOME are the Unix places");
        using var fx = new RoutingFixture();
        var source = fx.Write("Show.S01E01.mkv");

        var run = await CliProcess.RunAsync(
            ["route", fx.Downloads, "--library", fx.Library, "--apply"],
            fx.Root,
            new Dictionary<string, string> { ["HOME"] = "", ["XDG_CONFIG_HOME"] = "", [JournalKey.FileVariable] = "" });

        Assert.True(run.Exit == 3, $"exit {run.Exit}: {run.Stderr}");
        Assert.Contains("HOME is not set", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(JournalKey.FileVariable, run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(source));
    }
}
