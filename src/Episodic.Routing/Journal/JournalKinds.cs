using System.Text.Json.Serialization;

namespace Episodic.Routing.Journal;

/// <summary>
/// What a journal line records. The wire names are the journal format's (signed lines must stay byte-identical), so
/// each member names its wire form; code branches on the member, never on the text.
/// </summary>
[JsonConverter(typeof(JournalNameConverter<JournalRecordKind>))]
public enum JournalRecordKind
{
    /// <summary>Written and flushed before an operation.</summary>
    [JsonStringEnumMemberName("intent")]
    Intent,

    /// <summary>Written after the operation finished.</summary>
    [JsonStringEnumMemberName("done")]
    Done,

    /// <summary>A recovered intent that left nothing to finish.</summary>
    [JsonStringEnumMemberName("abandoned")]
    Abandoned,

    /// <summary>The operation failed; the source is intact.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>
    /// The run that writes the journal finished (op <see cref="JournalOp.Run"/>, id = the header's run id): nothing
    /// after the line before it was lost. A journal (format 4 on) without one after its last routing line was cut
    /// short or its run was killed, and undo says so.
    /// </summary>
    [JsonStringEnumMemberName("end")]
    End,
}

/// <summary>The operation a journal line is about.</summary>
[JsonConverter(typeof(JournalNameConverter<JournalOp>))]
public enum JournalOp
{
    [JsonStringEnumMemberName("move")]
    Move,

    [JsonStringEnumMemberName("copy")]
    Copy,

    [JsonStringEnumMemberName("link")]
    Link,

    /// <summary>An identical file was already at the destination; the source was removed.</summary>
    [JsonStringEnumMemberName("dedup")]
    Dedup,

    [JsonStringEnumMemberName("mkdir")]
    Mkdir,

    /// <summary>A leftover of a routed release folder moved into the library's trash (undone like a move).</summary>
    [JsonStringEnumMemberName("trash")]
    Trash,

    /// <summary>An emptied release folder removed (<see cref="JournalEntry.Source"/>); undo makes it again.</summary>
    [JsonStringEnumMemberName("rmdir")]
    Rmdir,

    /// <summary>Undoes the routing operation named by <see cref="JournalEntry.Ref"/>.</summary>
    [JsonStringEnumMemberName("undo")]
    Undo,

    /// <summary>The run as a whole: the subject of an <see cref="JournalRecordKind.End"/> record.</summary>
    [JsonStringEnumMemberName("run")]
    Run,
}

/// <summary>The journal's wire names, for messages that quote a line's operation as the journal spells it.</summary>
public static class JournalOpNames
{
    /// <summary>"move", "copy", "link", "dedup", "mkdir", "trash", "rmdir", "undo" or "run".</summary>
    public static string WireName(this JournalOp op) => op switch
    {
        JournalOp.Move => "move",
        JournalOp.Copy => "copy",
        JournalOp.Link => "link",
        JournalOp.Dedup => "dedup",
        JournalOp.Mkdir => "mkdir",
        JournalOp.Trash => "trash",
        JournalOp.Rmdir => "rmdir",
        JournalOp.Undo => "undo",
        JournalOp.Run => "run",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}

/// <summary>Reads and writes the wire names only: a number where a name belongs is a bad line, not a member.</summary>
internal sealed class JournalNameConverter<T>() : JsonStringEnumConverter<T>(namingPolicy: null, allowIntegerValues: false)
    where T : struct, Enum;
