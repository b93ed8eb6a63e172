using System.Globalization;

namespace Episodic.Automation.Hooks;

/// <summary>
/// Reads what each client passes to the program it runs on completion, as its documentation defines it, into a
/// <see cref="HookRequest"/>. Kept apart from the command so every client's shape is one small, testable function.
/// </summary>
public static class HookArguments
{
    /// <exception cref="HookArgumentException">A required argument or variable is missing or empty.</exception>
    public static HookRequest Read(HookClient client, IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        string? Env(string name) => environment(name) is { Length: > 0 } v ? v : null;
        string? Arg(int i) => i < args.Count && args[i].Length > 0 ? args[i] : null;
        return client switch
        {
            // qBittorrent: "%F" (content path: the file of a single-file torrent, else its root folder) "%L" (category) "%N" (name) "%I" (info hash v1).
            HookClient.QBittorrent => new HookRequest(client, Arg(0) ?? throw Missing("the content path (%F) as the first argument"))
            {
                Categories = Arg(1) is { } category ? [category] : [],
                Name = Arg(2),
                Id = Arg(3),
            },

            // Transmission: the download is TR_TORRENT_DIR/TR_TORRENT_NAME; TR_TORRENT_LABELS (4.0+) is comma-separated.
            HookClient.Transmission => new HookRequest(client, Path.Join(
                Env("TR_TORRENT_DIR") ?? throw Missing("TR_TORRENT_DIR (run by Transmission's script-torrent-done-filename?)"),
                Env("TR_TORRENT_NAME") ?? throw Missing("TR_TORRENT_NAME")))
            {
                Categories = [.. (Env("TR_TORRENT_LABELS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                Name = Env("TR_TORRENT_NAME"),
                Id = Env("TR_TORRENT_ID"),
            },

            // SABnzbd: 1 final folder, 2 NZB name, 3 clean name, 4 indexer report, 5 category, 6 group, 7 status
            // (0 OK, 1 verification failed, 2 unpack failed, 3 both, -1 post-processing failed); SAB_* variables otherwise.
            HookClient.Sabnzbd => Sabnzbd(args.Count >= 1 ? Arg(0) : Env("SAB_COMPLETE_DIR"), args.Count >= 5 ? Arg(4) : Env("SAB_CAT"), args.Count >= 3 ? Arg(2) : Env("SAB_FINAL_NAME"), args.Count >= 7 ? Arg(6) : Env("SAB_PP_STATUS"), Env("SAB_NZO_ID")),

            // NZBGet: NZBPP_DIRECTORY (NZBPP_FINALDIR when an earlier extension moved the files), NZBPP_TOTALSTATUS SUCCESS/WARNING/FAILURE/DELETED.
            HookClient.Nzbget => new HookRequest(client, Env("NZBPP_FINALDIR") ?? Env("NZBPP_DIRECTORY") ?? throw Missing("NZBPP_DIRECTORY (run by NZBGet as a post-processing extension?)"))
            {
                Categories = Env("NZBPP_CATEGORY") is { } category ? [category] : [],
                Name = Env("NZBPP_NZBNAME"),
                Id = Env("NZBPP_NZBID"),
                Failure = NzbgetFailure(Env("NZBPP_TOTALSTATUS"), Env("NZBPP_STATUS"), Env("NZBPP_PARSTATUS"), Env("NZBPP_UNPACKSTATUS")),
            },

            // Deluge Execute ("Torrent Complete"): torrent id, torrent name, save path; no label.
            HookClient.Deluge => new HookRequest(client, Path.Join(
                Arg(2) ?? throw Missing("the save path as the third argument (Deluge Execute passes id, name, path)"),
                Arg(1) ?? throw Missing("the torrent name as the second argument")))
            {
                PassesCategories = false,
                Name = Arg(1),
                Id = Arg(0),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(client)),
        };
    }

    private static HookRequest Sabnzbd(string? folder, string? category, string? name, string? status, string? id)
    {
        var failure = status is null || (int.TryParse(status, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) && code == 0)
            ? null
            : $"SABnzbd status {status}";
        return new HookRequest(HookClient.Sabnzbd, folder ?? throw Missing("the final folder as the first argument (or SAB_COMPLETE_DIR)"))
        {
            Categories = category is { } c && c != "*" ? [c] : [],
            Name = name,
            Id = id,
            Failure = failure,
        };
    }

    /// <summary>Only SUCCESS is routed: WARNING covers a failed unpack or a damaged download (NZBPP_STATUS says which).</summary>
    private static string? NzbgetFailure(string? total, string? status, string? par, string? unpack)
    {
        if (total is not null)
        {
            return string.Equals(total, "SUCCESS", StringComparison.OrdinalIgnoreCase) ? null : $"NZBGet status {status ?? total}";
        }

        // NZBGet before 13 has no total status: par-check 1 and unpack 1 mean failure.
        return par == "1" || unpack == "1" ? $"NZBGet par status {par ?? "?"}, unpack status {unpack ?? "?"}" : null;
    }

    private static HookArgumentException Missing(string what) => new($"missing {what}");
}
