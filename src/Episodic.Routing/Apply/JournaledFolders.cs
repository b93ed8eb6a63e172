using Episodic.Routing.Journal;

namespace Episodic.Routing.Apply;

/// <summary>
/// Makes the missing folders of a path top-down, each journaled before it is made: a kill between the two still leaves
/// undo a line to remove it by, and undo removes the ones it leaves empty. Shared by the moves and the clean-up's trash.
/// </summary>
internal static class JournaledFolders
{
    public static void Ensure(string folder, RouteJournal journal, FileOps ops)
    {
        var missing = new Stack<string>();
        for (var dir = folder; !string.IsNullOrEmpty(dir) && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            missing.Push(dir);
        }

        while (missing.TryPop(out var dir))
        {
            var intent = new JournalEntry { Type = JournalRecordKind.Intent, Op = JournalOp.Mkdir, Id = RouteJournal.NewId(), Destination = dir };
            journal.Write(intent);
            ops.CreateDirectory(dir);
            journal.Write(intent with { Type = JournalRecordKind.Done, Time = DateTimeOffset.UtcNow });
        }
    }
}
