using Xunit;
using Xunit.Sdk;

namespace Episodic.Tests.Browser;

/// <summary>Without Chromium the browser tests skip and say why, except where the browser is required (CI), where they fail.</summary>
public sealed class BrowserFixtureTests
{
    private static readonly string Missing = Path.Join(Path.GetTempPath(), $"no-chromium-{Guid.NewGuid():N}", "chromium");

    [Fact]
    public async Task A_missing_browser_skips_the_test_and_names_the_path()
    {
        await using var fixture = new BrowserFixture(Missing, required: false);
        await fixture.InitializeAsync();

        var skip = Assert.Throws<SkipException>(() => fixture.Browser);
        Assert.Contains(Missing, skip.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_browser_fails_the_test_where_it_is_required()
    {
        await using var fixture = new BrowserFixture(Missing, required: true);
        await fixture.InitializeAsync();

        var failure = Assert.Throws<FailException>(() => fixture.Browser);
        Assert.Contains(BrowserFixture.RequireVariable, failure.Message, StringComparison.Ordinal);
    }
}
