using Episodic.Llm.Caching;
using Xunit;

namespace Episodic.Tests.Caching;

public sealed class CachePathsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Follows_XDG_CACHE_HOME_on_unix() =>
        Assert.Equal(Path.Combine("/xdg/cache", "episodic"), CachePaths.DefaultDirectory(Env(("XDG_CACHE_HOME", "/xdg/cache"), ("HOME", "/home/u")), windows: false));

    [Fact]
    public void Ignores_a_relative_XDG_CACHE_HOME() =>
        Assert.Equal(Path.Combine("/home/u", ".cache", "episodic"), CachePaths.DefaultDirectory(Env(("XDG_CACHE_HOME", "rel"), ("HOME", "/home/u")), windows: false));

    [Fact]
    public void Uses_LOCALAPPDATA_on_windows() =>
        Assert.Equal(Path.Combine("C:/Users/u/AppData/Local", "Episodic"), CachePaths.DefaultDirectory(Env(("LOCALAPPDATA", "C:/Users/u/AppData/Local")), windows: true));

    [Fact]
    public void An_explicit_folder_wins() =>
        Assert.Equal(Path.Combine(Path.GetFullPath("/tmp/x"), "parse-cache.db"), CachePaths.ForDirectory("/tmp/x"));
}
