using Episodic.Automation.Hooks;
using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>The hook log rotates by size and keeps only the newest files, so years of hook runs never fill a disk.</summary>
public sealed class HookLogTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("episodic-hooklog-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Rotates_at_the_size_cap_and_keeps_N_files()
    {
        var path = Path.Join(_dir.FullName, "hook.log");
        var log = new HookLog(path, maxBytes: 100, keep: 2);

        for (var i = 0; i < 30; i++)
        {
            log.Append($"line {i:00} {new string('x', 20)}");
        }

        Assert.True(File.Exists(path));
        Assert.True(File.Exists(path + ".1"));
        Assert.True(File.Exists(path + ".2"));
        Assert.False(File.Exists(path + ".3"));
        Assert.All(new[] { path, path + ".1", path + ".2" }, p => Assert.True(new FileInfo(p).Length <= 100, p));
        Assert.EndsWith("line 29 " + new string('x', 20), File.ReadAllLines(path)[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("line 00", File.ReadAllText(path + ".2"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_newlines_stays_one_line()
    {
        var path = Path.Join(_dir.FullName, "hook.log");
        new HookLog(path).Append("a\nb\r\nc");

        Assert.Single(File.ReadAllLines(path));
    }
}
