using Episodic.Routing.Journal;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>
/// A run that finishes ends its journal with an end record, so a journal cut at a line boundary (which every MAC
/// still verifies) is no longer undone silently in part: undo restores what it names, says it ends early and exits 5.
/// Undo runs as a real second process (the built CLI) on real files.
/// </summary>
public sealed class JournalEndTests
{
    private const int Files = 20;
    private const int Kept = 8;

    [Fact]
    public async Task A_journal_cut_at_a_line_boundary_is_undone_as_far_as_it_goes_then_said_to_end_early_with_exit_5()
    {
        using var fx = new RoutingFixture();
        for (var e = 1; e <= Files; e++)
        {
            fx.Write($"Show.S01E{e:00}.mkv");
        }

        Assert.Equal(0, (await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply", "--journal", fx.Journal])).Exit);
        var whole = JournalFile.Load(fx.Journal);
        Assert.Equal(JournalRecordKind.End, whole.Entries[^1].Type);
        Assert.Equal(JournalOp.Run, whole.Entries[^1].Op);
        Assert.Equal(whole.Header!.Run, whole.Entries[^1].Id);
        Assert.False(whole.EndsEarly);

        // Keep the header and every line up to the 8th finished move: each kept line still verifies.
        var lines = File.ReadAllLines(fx.Journal);
        var cut = lines.Select((line, i) => (line, i)).Where(l => l.line.Contains("\"type\":\"done\",\"op\":\"move\"", StringComparison.Ordinal)).ElementAt(Kept - 1).i;
        File.WriteAllLines(fx.Journal, lines[..(cut + 1)]);
        Assert.Empty(JournalFile.Load(fx.Journal).Problems);

        var undo = await CliProcess.RunAsync(["undo", fx.Journal], fx.Root);

        Assert.True(undo.Exit == 5, $"exit {undo.Exit}, expected 5: {undo.Stderr}");
        Assert.Contains($"restored {Kept},", undo.Stdout, StringComparison.Ordinal);
        Assert.Contains("the journal ends early", undo.Stderr, StringComparison.Ordinal);
        Assert.Contains(fx.Library, undo.Stderr, StringComparison.Ordinal);
        Assert.Equal(Kept, Directory.GetFiles(fx.Downloads).Length);
        Assert.Equal(Files - Kept, Directory.GetFiles(fx.Library, "*.mkv", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_complete_format_3_journal_from_before_end_records_is_still_undone_with_exit_0()
    {
        using var fx = new RoutingFixture();
        var source = fx.Write("Show.S01E01.mkv");
        var destination = Path.Join(fx.Library, "Show - S01E01.mkv");
        File.Move(source, destination);
        using (var journal = RouteJournal.Create(fx.Journal, JournalHeader.For(fx.Library, null, [fx.Downloads]) with { Format = 3 }))
        {
            var intent = new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Move, Id = RouteJournal.NewId(), Source = source, Destination = destination, Size = new FileInfo(destination).Length };
            journal.Write(intent);
            journal.Write(intent with { Type = JournalRecordKind.Done });
            journal.WriteEnd();
        }

        var file = JournalFile.Load(fx.Journal);
        Assert.DoesNotContain(file.Entries, e => e.Type == JournalRecordKind.End);
        Assert.False(file.EndsEarly);

        var undo = await RouteCliTests.Run(["undo", fx.Journal]);

        Assert.True(undo.Exit == 0, undo.Stderr);
        Assert.DoesNotContain("ends early", undo.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(source));
    }
}
