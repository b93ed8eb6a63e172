namespace Episodic.Automation.Watch;

/// <summary>What a file looked like when last seen: size and last-write time.</summary>
public readonly record struct FileStamp(long Size, DateTime LastWriteUtc)
{
    /// <summary>The file's stamp now, or null when it is gone or unreadable.</summary>
    public static FileStamp? Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>
/// The files waiting to settle: a file is ready once its size and mtime have stayed the same for the settle time.
/// Every write moves the mtime, so the file has been still since the later of its mtime and the last time it was seen
/// different: a file found complete at start is ready at the next look, a growing one only a settle time after its
/// last write. Files already handed over are remembered with their stamp, so a copy or a skipped name is not handed
/// over again until it changes.
/// </summary>
public sealed class SettleTracker(TimeSpan settle)
{
    private readonly Dictionary<string, (FileStamp Stamp, DateTimeOffset Since)> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileStamp> _handled = new(StringComparer.Ordinal);

    /// <summary>Looks at <paramref name="path"/> now: starts or restarts its settle clock when it is new or changed.</summary>
    public void Observe(string path, DateTimeOffset now)
    {
        if (FileStamp.Of(path) is not { } stamp)
        {
            _waiting.Remove(path);
            _handled.Remove(path);
            return;
        }

        if (_handled.TryGetValue(path, out var done))
        {
            if (done == stamp)
            {
                return;
            }

            _handled.Remove(path);
        }

        if (!_waiting.TryGetValue(path, out var seen))
        {
            _waiting[path] = (stamp, DateTimeOffset.MinValue);
        }
        else if (seen.Stamp != stamp)
        {
            _waiting[path] = (stamp, now);
        }
    }

    /// <summary>Re-reads every waiting file and returns those settled by <paramref name="now"/>.</summary>
    public IReadOnlyList<string> Ready(DateTimeOffset now)
    {
        foreach (var path in _waiting.Keys.ToList())
        {
            Observe(path, now);
        }

        return [.. _waiting.Where(w => now - w.Value.Since >= settle && now - new DateTimeOffset(w.Value.Stamp.LastWriteUtc, TimeSpan.Zero) >= settle).Select(w => w.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>Starts the settle clock of <paramref name="path"/> again (still open for writing, or to retry later).</summary>
    public void Restart(string path, DateTimeOffset now)
    {
        if (_waiting.TryGetValue(path, out var seen))
        {
            _waiting[path] = (seen.Stamp, now);
        }
    }

    /// <summary>Marks <paramref name="path"/> handed over: it waits no more, and is ignored while its stamp stays the same.</summary>
    public void Handled(string path)
    {
        _waiting.Remove(path);
        if (FileStamp.Of(path) is { } stamp)
        {
            _handled[path] = stamp;
        }
        else
        {
            _handled.Remove(path);
        }
    }
}
