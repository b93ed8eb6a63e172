using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>The parser's cached UTC day must be the wall clock's day.</summary>
public sealed class UtcTodayTests
{
    [Fact]
    public void The_cached_utc_day_is_the_wall_clocks()
    {
        // Read the wall clock on both sides; retry if the two straddle midnight.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = DateOnly.FromDateTime(DateTime.UtcNow);
            var cached = UtcToday.Get();
            var after = DateOnly.FromDateTime(DateTime.UtcNow);
            if (before == after)
            {
                Assert.Equal(before, cached);
                return;
            }
        }

        Assert.Fail("the UTC day changed on every attempt");
    }
}
