using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Episodic.Routing.Apply;
using Episodic.Routing.Journal;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>
/// Journals are signed with the user's key (HMAC-SHA256, chained line to line): a journal planted in a library by
/// someone without the key, copied from another library, or edited with a recomputed checksum is refused by undo
/// (even with --force) and left alone by resume.
/// </summary>
public sealed class JournalForgeryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JournalKey AttackersKey() => JournalKey.FromBytes(RandomNumberGenerator.GetBytes(32));

    /// <summary>A journal in the library that, if trusted, would move a library file out to a folder the attacker chose.</summary>
    private static (string Journal, string Precious, string Outside) PlantBroadJournal(RoutingFixture fx, JournalKey? key)
    {
        var precious = fx.Write("Show/precious.mkv", "precious", fx.Library);
        var outside = Path.Join(fx.Root, "elsewhere", "stolen.mkv");
        var planted = Path.Join(fx.Library, ".episodic", "journal-20200101-000000-000-planted.jsonl");
        using (var j = RouteJournal.Create(planted, JournalHeader.For(fx.Library, null, [fx.Root]), key))
        {
            j.Write(new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Move, Id = "evil", Source = outside, Destination = precious });
            j.Write(new JournalEntry { Type = JournalRecordKind.Done, Op = JournalOp.Move, Id = "evil", Source = outside, Destination = precious });
            j.WriteEnd();
        }

        return (planted, precious, outside);
    }

    [Fact]
    public async Task A_journal_signed_with_another_key_is_refused_by_undo_even_with_force()
    {
        using var fx = new RoutingFixture();
        var (planted, precious, outside) = PlantBroadJournal(fx, AttackersKey());

        var refused = await RouteCliTests.Run(["undo", planted]);
        var forced = await RouteCliTests.Run(["undo", planted, "--force"]);

        foreach (var run in new[] { refused, forced })
        {
            Assert.Equal(6, run.Exit);
            var line = Assert.Single(run.Stderr.Trim().Split('\n'));
            Assert.Contains("line 1: the header is not signed with this user's journal key", line, StringComparison.Ordinal);
            Assert.Contains("--force does not help", line, StringComparison.Ordinal);
        }

        Assert.Equal("precious", File.ReadAllText(precious));
        Assert.False(File.Exists(outside));
    }

    [Fact]
    public async Task The_same_journal_signed_with_the_users_key_is_what_undo_would_act_on()
    {
        // The control for the test above: the signature, not the roots, is what stops the planted journal.
        using var fx = new RoutingFixture();
        var (planted, precious, outside) = PlantBroadJournal(fx, null);

        var run = await RouteCliTests.Run(["undo", planted]);

        Assert.True(run.Exit == 0, run.Stderr);
        Assert.False(File.Exists(precious));
        Assert.Equal("precious", File.ReadAllText(outside));
    }

    [Fact]
    public async Task A_planted_unfinished_journal_with_another_key_never_makes_apply_delete_the_temp_it_names()
    {
        using var fx = new RoutingFixture();
        var destination = Path.Join(fx.Library, "Show", "Season 01", "Show - S01E05.mkv");
        var victim = fx.Write(Path.Join("Show", "Season 01", Transfer.TempPrefix + new string('a', 32)), "a user's file in our temp pattern", fx.Library);
        var planted = Path.Join(fx.Library, ".episodic", "journal-20200101-000000-000-planted.jsonl");
        using (var j = RouteJournal.Create(planted, JournalHeader.For(fx.Library, null, [fx.Downloads]), AttackersKey()))
        {
            j.Write(new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Copy, Id = "a", Source = Path.Join(fx.Downloads, "Show.S01E05.mkv"), Destination = destination, Temp = victim });
        }

        fx.Write("Show.S01E01.mkv");
        var run = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply"]);

        Assert.Equal(0, run.Exit);
        Assert.Contains($"left the journal '{planted}' alone: line 1: the header is not signed", run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(fx.Library, "Show", "Season 01", "Show - S01E01.mkv")), "the run itself goes on");
        Assert.Equal("a user's file in our temp pattern", File.ReadAllText(victim));
    }

    [Fact]
    public async Task A_journal_copied_into_another_library_is_refused_there()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        var applied = await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply"]);
        Assert.Equal(0, applied.Exit);
        var journal = Assert.Single(Directory.GetFiles(Path.Join(fx.Library, ".episodic"), "journal-*.jsonl"));
        var other = Path.Join(fx.Root, "other-library");
        var copy = Path.Join(other, ".episodic", Path.GetFileName(journal));
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(journal, copy);
        var before = fx.Snapshot();

        var run = await RouteCliTests.Run(["undo", copy, "--force"]);

        Assert.Equal(6, run.Exit);
        Assert.Contains($"line 1: the journal sits in the library '{other}' but its header names the library '{fx.Library}'", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, fx.Snapshot());
        Assert.True(JournalFile.Load(journal).IsValid, "the original, in its own library, stays good");
    }

    [Fact]
    public async Task A_line_moved_from_another_journal_or_an_edit_with_a_recomputed_crc_is_refused()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        Assert.Equal(0, (await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--mode", "copy", "--apply", "--journal", Path.Join(fx.Root, "a.jsonl")])).Exit);
        fx.Write("Other.S01E01.mkv");
        Assert.Equal(0, (await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--mode", "copy", "--apply", "--journal", Path.Join(fx.Root, "b.jsonl")])).Exit);
        var a = File.ReadAllLines(Path.Join(fx.Root, "a.jsonl"));
        var b = File.ReadAllLines(Path.Join(fx.Root, "b.jsonl"));

        // Line 2 of b (seq 1, a perfectly signed line) put in place of a's line 2 (also seq 1).
        var moved = a.ToArray();
        moved[1] = b[1];
        File.WriteAllLines(Path.Join(fx.Root, "moved.jsonl"), moved);
        var movedFile = JournalFile.Load(Path.Join(fx.Root, "moved.jsonl"));

        // It fails, and so does the line after it, which chains on the MAC the foreign line carries.
        Assert.NotNull(movedFile.Header);
        Assert.Equal([2, 3], movedFile.Problems.Select(p => p.Line));
        Assert.All(movedFile.Problems, p => Assert.Contains("the MAC does not match", p.Reason, StringComparison.Ordinal));
        Assert.Equal(a.Length - 3, movedFile.Entries.Count);

        // What a CRC would let through: the old "sum" recomputed over an edited line is no signature.
        var edited = a.ToArray();
        var body = edited[2][..edited[2].IndexOf(",\"mac\":", StringComparison.Ordinal)] + "}";
        var crc = System.IO.Hashing.Crc32.HashToUInt32(Encoding.UTF8.GetBytes(body)).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        edited[2] = body[..^1] + $",\"sum\":\"{crc}\"}}";
        File.WriteAllLines(Path.Join(fx.Root, "edited.jsonl"), edited);

        var editedFile = JournalFile.Load(Path.Join(fx.Root, "edited.jsonl"));
        Assert.Equal(3, editedFile.Problems[0].Line);
        Assert.Contains("not a signed journal line", editedFile.Problems[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"type\":\"intent\",\"op\":\"teleport\"", "op")]
    [InlineData("\"type\":0,\"op\":\"move\"", "type")]
    [InlineData("\"type\":\"Intent\",\"op\":\"move\"", "type")]
    public void A_signed_line_with_a_record_kind_or_operation_the_format_lacks_is_a_bad_line_named_by_field(string kindAndOp, string field)
    {
        // Signed with the user's own key, so only the typed reading of "type" and "op" can refuse it.
        using var fx = new RoutingFixture();
        var path = Path.Join(fx.Library, ".episodic", "journal-20200101-000000-000-odd.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var header = JsonSerializer.SerializeToUtf8Bytes(JournalHeader.For(fx.Library, null, [fx.Downloads]) with { Seq = 0 }, JournalJson.Default.JournalHeader);
        var good = JsonSerializer.SerializeToUtf8Bytes(new JournalEntry { Seq = 1, Type = JournalRecordKind.Intent, Op = JournalOp.Mkdir, Id = "made", Destination = Path.Join(fx.Library, "Show") }, JournalJson.Default.JournalEntry);
        var odd = Encoding.UTF8.GetBytes($"{{\"seq\":2,{kindAndOp},\"id\":\"odd\",\"src\":\"{Path.Join(fx.Downloads, "a.mkv")}\",\"dst\":\"{Path.Join(fx.Library, "a.mkv")}\",\"time\":\"2020-01-01T00:00:00+00:00\"}}");
        using (var file = File.Create(path))
        {
            byte[] mac = [];
            foreach (var json in new[] { header, good, odd })
            {
                (var line, mac) = JournalLine.Seal(json, JournalKey.Current, mac);
                file.Write(line);
            }
        }

        var loaded = JournalFile.Load(path);

        Assert.Single(loaded.Entries);
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains($"'{field}'", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Episodic.", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_format_2_journal_is_refused_with_what_to_do()
    {
        using var fx = new RoutingFixture();
        var header = $"{{\"episodic_journal\":2,\"seq\":0,\"run\":\"abc\",\"library\":{System.Text.Json.JsonSerializer.Serialize(fx.Library)},\"sources\":[{System.Text.Json.JsonSerializer.Serialize(fx.Downloads)}]}}";
        var crc = System.IO.Hashing.Crc32.HashToUInt32(Encoding.UTF8.GetBytes(header)).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(fx.Journal, header[..^1] + $",\"sum\":\"{crc}\"}}\n");

        var run = await RouteCliTests.Run(["undo", fx.Journal, "--force"]);

        Assert.Equal(6, run.Exit);
        Assert.Contains("line 1: journal format 2 is not signed", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_torn_last_line_is_still_read_and_the_rest_undone()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        Assert.Equal(0, (await RouteCliTests.Run(["route", fx.Downloads, "--library", fx.Library, "--apply", "--journal", fx.Journal])).Exit);
        var bytes = File.ReadAllBytes(fx.Journal);
        File.WriteAllBytes(fx.Journal, bytes[..^40]);

        var file = JournalFile.Load(fx.Journal);
        var run = await RouteCliTests.Run(["undo", fx.Journal]);

        // The torn line was the end record: everything before it is read and undone, and undo says the end is missing.
        Assert.True(file.TornTail);
        Assert.Empty(file.Problems);
        Assert.True(file.EndsEarly);
        Assert.True(run.Exit == 5, run.Stderr);
        Assert.Contains("the journal ends early", run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(fx.Downloads, "Show.S01E01.mkv")));
    }

    [Fact]
    public void The_key_is_made_once_owner_only_and_a_damaged_key_file_is_one_clear_error()
    {
        using var fx = new RoutingFixture();
        var path = Path.Join(fx.Root, "config", "episodic", "journal.key");

        var first = JournalKey.Load(path);
        var again = JournalKey.Load(path);
        var journal = Path.Join(fx.Root, "k.jsonl");
        using (var j = RouteJournal.Create(journal, JournalHeader.For(fx.Library, null, [fx.Downloads]), first))
        {
            j.Write(new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Mkdir, Id = "m", Destination = Path.Join(fx.Library, "Show") });
        }

        Assert.True(JournalFile.Load(journal, again).IsValid, "a key read back signs as the key made");
        Assert.False(JournalFile.Load(journal, AttackersKey()).IsValid);
        Assert.Matches("^[0-9a-f]{64}\n$", File.ReadAllText(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        File.WriteAllText(path, "not a key\n");
        var damaged = Assert.Throws<JournalKeyException>(() => JournalKey.Load(path));
        Assert.Contains($"the journal key file '{path}' does not hold a key", damaged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a key", damaged.Message.Replace("does not hold a key", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_key_file_stops_apply_before_anything_moves_with_exit_3()
    {
        using var fx = new RoutingFixture();
        fx.Write("Show.S01E01.mkv");
        var key = Path.Join(fx.Root, "bad.key");
        File.WriteAllText(key, "0123");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var before = fx.Snapshot();

        var run = await CliProcess.RunAsync(["route", fx.Downloads, "--library", fx.Library, "--apply"], fx.Root, new Dictionary<string, string> { [JournalKey.FileVariable] = key });

        Assert.True(run.Exit == 3, run.Stderr);
        Assert.Contains($"the journal key file '{key}' does not hold a key", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, fx.Snapshot());
    }
}
