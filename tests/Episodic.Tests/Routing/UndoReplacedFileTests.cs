using Episodic.Routing.Apply;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>
/// Move-mode undo checks that the library file is still the one routing put there (size, and CRC32 where the name's tag
/// was journaled), as copy mode compares content: a file the user replaced is a conflict (exit 5), never moved back.
/// </summary>
public sealed class UndoReplacedFileTests
{
    public static TheoryData<string, string, string> Replacements() => new()
    {
        // A different size.
        { "Show.S01E01.mkv", "episode one", "a longer replacement the user put there" },

        // The same size, a different CRC32 than the name's tag, which --verify-crc checked before the move.
        { $"[Grp] Anime - 01 [{RoutingFixture.CrcTag("anime one")}].mkv", "anime one", "anime 1!!" },
    };

    [Theory]
    [MemberData(nameof(Replacements))]
    public async Task A_file_replaced_in_the_library_is_a_conflict_and_stays_there(string name, string content, string replacement)
    {
        using var fx = new RoutingFixture();
        var source = fx.Write(name, content);
        Assert.Equal(0, (await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply", "--verify-crc", "--journal", fx.Journal])).Exit);
        var filed = Assert.Single(Directory.GetFiles(fx.Library, "*.mkv", SearchOption.AllDirectories));
        File.WriteAllText(filed, replacement);

        var undo = await RouteCliTests.Run(["undo", fx.Journal]);

        Assert.True(undo.Exit == 5, $"exit {undo.Exit}: {undo.Stderr}");
        Assert.Contains($"not undone: '{filed}' is not the file routing filed there", undo.Stderr, StringComparison.Ordinal);
        Assert.Contains("conflicts 1", undo.Stdout, StringComparison.Ordinal);
        Assert.Equal(replacement, File.ReadAllText(filed));
        Assert.False(File.Exists(source));
    }

    [Fact]
    public async Task A_dedup_whose_kept_library_file_was_replaced_is_a_conflict_too()
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("Show.S01E01.mkv", "same");
        var kept = fx.Write("Show/Season 01/Show - S01E01.mkv", "same", fx.Library);
        fx.Apply(await fx.PlanAsync());
        Assert.False(File.Exists(source));
        File.WriteAllText(kept, "something else entirely");

        var undo = Episodic.Routing.Journal.RouteUndo.Undo(fx.Journal, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, undo.Conflicts);
        Assert.Equal(0, undo.Restored);
        Assert.False(File.Exists(source));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_unchanged_file_still_goes_back_and_an_unchecked_wrong_tag_is_no_conflict(bool rightTag)
    {
        // Without --verify-crc a name's tag was never compared with the content: only the size decides.
        using var fx = new RoutingFixture();
        var source = fx.Write($"[Grp] Anime - 02 [{(rightTag ? RoutingFixture.CrcTag("anime two") : "0BADC0DE")}].mkv", "anime two");
        fx.Apply(await fx.PlanAsync(), new ApplyOptions { Mode = RouteMode.Move, VerifyCrc = rightTag });

        var undo = Episodic.Routing.Journal.RouteUndo.Undo(fx.Journal, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, undo.Restored);
        Assert.Equal(0, undo.Conflicts);
        Assert.Equal("anime two", File.ReadAllText(source));
    }
}
