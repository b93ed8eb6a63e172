namespace Episodic.Automation.Hooks;

/// <summary>
/// One finished download as a client announced it: where its content is (a single file or the download's own folder),
/// its category or labels, its name and id, and whether the client says it failed (then nothing is routed).
/// </summary>
public sealed record HookRequest(HookClient Client, string ContentPath)
{
    /// <summary>The category (qBittorrent, SABnzbd, NZBGet) or labels (Transmission); empty when none was set.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>False for a client that cannot pass a category (Deluge's Execute): a category filter does not apply to it.</summary>
    public bool PassesCategories { get; init; } = true;

    /// <summary>The download's name as the client shows it.</summary>
    public string? Name { get; init; }

    /// <summary>The client's id for the download (info hash, torrent id, NZB id).</summary>
    public string? Id { get; init; }

    /// <summary>The client's own word for a failed download (SABnzbd status 1, NZBGet FAILURE/...); null = completed.</summary>
    public string? Failure { get; init; }
}

/// <summary>What the client passed does not name a download (a missing argument or variable); said in one line.</summary>
public sealed class HookArgumentException(string message) : Exception(message);
