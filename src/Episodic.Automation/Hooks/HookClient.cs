namespace Episodic.Automation.Hooks;

/// <summary>The download clients <c>episodic hook</c> understands; each passes what it downloaded in its own shape.</summary>
public enum HookClient
{
    /// <summary>qBittorrent's "run external program on torrent finished": <c>"%F" "%L" "%N" "%I"</c>.</summary>
    QBittorrent,

    /// <summary>Transmission's <c>script-torrent-done-filename</c>: <c>TR_TORRENT_*</c> variables.</summary>
    Transmission,

    /// <summary>SABnzbd's post-processing script: seven positional arguments (and <c>SAB_*</c> variables).</summary>
    Sabnzbd,

    /// <summary>NZBGet's post-processing extension: <c>NZBPP_*</c> variables and exit codes 93/94/95.</summary>
    Nzbget,

    /// <summary>Deluge's Execute plugin on "Torrent Complete": torrent id, name, save path.</summary>
    Deluge,
}

/// <summary>Names and kinds of <see cref="HookClient"/>, declared once.</summary>
public static class HookClients
{
    private static readonly (HookClient Client, string Name)[] Table =
    [
        (HookClient.QBittorrent, "qbittorrent"),
        (HookClient.Transmission, "transmission"),
        (HookClient.Sabnzbd, "sabnzbd"),
        (HookClient.Nzbget, "nzbget"),
        (HookClient.Deluge, "deluge"),
    ];

    /// <summary>Every client's command-line name, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(t => t.Name)];

    public static string Name(this HookClient client) => Table.First(t => t.Client == client).Name;

    public static bool TryParse(string? text, out HookClient client)
    {
        foreach (var (c, name) in Table)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                client = c;
                return true;
            }
        }

        client = default;
        return false;
    }

    /// <summary>
    /// Torrent clients keep seeding what they downloaded, so their default mode is a hard link (a verified copy across
    /// file systems); usenet clients are done with the files, so theirs is a move.
    /// </summary>
    public static bool IsTorrent(this HookClient client) => client is HookClient.QBittorrent or HookClient.Transmission or HookClient.Deluge;
}
