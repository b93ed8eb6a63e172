using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// The parser's doubt set stands in for a hash set: it must hold every <see cref="Doubt"/>, refuse a second copy and
/// give the doubts back in the order they were raised (the reasoning names them in that order).
/// </summary>
public sealed class DoubtSetTests
{
    [Fact]
    public void Every_doubt_fits_and_comes_back_in_the_order_it_was_added()
    {
        var all = Enum.GetValues<Doubt>();
        Assert.True(all.Length <= DoubtSet.Capacity, $"{all.Length} doubts; the set holds {DoubtSet.Capacity}: widen it before adding a doubt.");

        // Several orders, including reversed and a shuffle: the set must not sort them.
        var random = new Random(7);
        foreach (var order in new[] { all, all.Reverse().ToArray(), all.OrderBy(_ => random.Next()).ToArray() })
        {
            var set = new DoubtSet();
            foreach (var doubt in order)
            {
                Assert.True(set.Add(doubt));
            }

            Assert.Equal(order, set.ToArray());
            Assert.Equal(order.Length, set.Count);
            Assert.All(order, d => Assert.True(set.Contains(d), $"{d} added but not contained"));
        }
    }

    [Fact]
    public void A_doubt_added_twice_is_kept_once_in_its_first_place()
    {
        var set = new DoubtSet();
        Assert.True(set.Add(Doubt.DashInTitle));
        Assert.True(set.Add(Doubt.SplitEpisode));
        Assert.False(set.Add(Doubt.DashInTitle));

        Assert.Equal([Doubt.DashInTitle, Doubt.SplitEpisode], set.ToArray());
        Assert.False(set.Contains(Doubt.YearAsWholeName));
        Assert.False(set.Contains((Doubt)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Add((Doubt)DoubtSet.Capacity));
    }
}
