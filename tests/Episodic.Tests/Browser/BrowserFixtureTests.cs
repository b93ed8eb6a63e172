using Xunit;
using Xunit.Sdk;

namespace Episodic.Tests.Browser;

/// <summary>Without Chromium the browser tests skip and say why, except where the browser is required (CI), where they fail.</summary>
public sealed class BrowserFixtureTests
{
    private static readonly string Missing = Path.Join(Path.GetTempPath(), $"no-chromium-{Guid.NewGuid():N}", "chromium");

    [Fact]
    public async Task A_missing_browser_is_a_skip_that_names_the_path()
    {
        await using var fixture = new BrowserFixture(Missing, required: false);
        await fixture.InitializeAsync();

        var (message, fails) = Assert.NotNull(fixture.Missing);
        Assert.False(fails);
        Assert.Contains(Missing, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_browser_fails_the_test_where_it_is_required()
    {
        await using var fixture = new BrowserFixture(Missing, required: true);
        await fixture.InitializeAsync();

        var (message, fails) = Assert.NotNull(fixture.Missing);
        Assert.True(fails);
        Assert.Contains(Missing, message, StringComparison.Ordinal);
        Assert.Contains(BrowserFixture.RequireVariable, message, StringComparison.Ordinal);
        Assert.Throws<FailException>(() => fixture.Browser);
    }
}
