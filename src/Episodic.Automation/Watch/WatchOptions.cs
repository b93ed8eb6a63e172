namespace Episodic.Automation.Watch;

/// <summary>How the watcher decides a file is complete and how often it looks; the defaults are declared here once.</summary>
public sealed record WatchOptions
{
    /// <summary>Default settle time: size and mtime unchanged this long (clients write at least every second or two).</summary>
    public static readonly TimeSpan DefaultSettle = TimeSpan.FromSeconds(2);

    /// <summary>Default full rescan interval: file-system events are lost on network shares, so the tree is walked this often.</summary>
    public static readonly TimeSpan DefaultRescan = TimeSpan.FromSeconds(30);

    /// <summary>A file is ready when its size and mtime have not changed for this long.</summary>
    public TimeSpan Settle { get; init; } = DefaultSettle;

    /// <summary>How often the whole tree is walked again, besides file-system events.</summary>
    public TimeSpan Rescan { get; init; } = DefaultRescan;

    /// <summary>How often waiting files are looked at again: a quarter of the settle time, between 100 ms and 1 s.</summary>
    public TimeSpan Tick => TimeSpan.FromMilliseconds(Math.Clamp(Settle.TotalMilliseconds / 4, 100, 1000));
}
