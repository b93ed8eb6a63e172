using System.Globalization;
using Episodic.Automation.Hooks;
using Episodic.Routing.Apply;
using Microsoft.Extensions.Configuration;

namespace Episodic.Cli;

/// <summary>
/// The <c>[hook]</c> section: which library (else [routing]'s), the mode per client, the categories to handle, how
/// long to wait for the library's lock, and the hook log. Defaults are declared here once (docs/download-clients.md).
/// </summary>
internal sealed record HookSettings
{
    /// <summary>The default <see cref="Wait"/>: a hook waits for another run rather than drop a finished download.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromHours(6);

    public string? Library { get; init; }

    public string? AnimeLibrary { get; init; }

    /// <summary>Categories or labels to handle (case-insensitive); empty = every download.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public RouteMode Mode { get; init; }

    public TimeSpan Wait { get; init; } = DefaultWait;

    /// <summary>null = <c>&lt;library&gt;/.episodic/hook.log</c>.</summary>
    public string? Log { get; init; }

    public long LogMaxBytes { get; init; } = HookLog.DefaultMaxBytes;

    public int LogKeep { get; init; } = HookLog.DefaultKeep;

    /// <summary>Torrents: hardlink (seeding continues; a verified copy across file systems). Usenet: move.</summary>
    public static RouteMode DefaultMode(HookClient client) => client.IsTorrent() ? RouteMode.Hardlink : RouteMode.Move;

    /// <summary>Reads <c>[hook]</c> for <paramref name="client"/>; the problems name the key and the value that is wrong.</summary>
    public static HookSettings Read(IConfiguration configuration, HookClient client, List<string> problems)
    {
        var section = configuration.GetSection("hook");
        var settings = new HookSettings
        {
            Library = LibrarySettings.Setting(section, "library"),
            AnimeLibrary = LibrarySettings.Setting(section, "anime_library"),
            Categories = [.. (LibrarySettings.Setting(section, "categories") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Mode = DefaultMode(client),
            Log = LibrarySettings.Setting(section, "log"),
        };
        var modeKey = $"{client.Name()}_mode";
        if (LibrarySettings.Setting(section, modeKey) is { } modeText)
        {
            if (ParseMode(modeText) is { } mode)
            {
                settings = settings with { Mode = mode };
            }
            else
            {
                problems.Add($"[hook] {modeKey} = {modeText} is not a mode; use move, copy or hardlink");
            }
        }

        if (LibrarySettings.Setting(section, "wait") is { } waitText)
        {
            if (Duration.TryParse(waitText, out var wait))
            {
                settings = settings with { Wait = wait };
            }
            else
            {
                problems.Add($"[hook] wait = {waitText} is not a duration (30s, 10m, 1h)");
            }
        }

        if (LibrarySettings.Setting(section, "log_max_kb") is { } maxText)
        {
            if (long.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) && kb > 0)
            {
                settings = settings with { LogMaxBytes = kb * 1024 };
            }
            else
            {
                problems.Add($"[hook] log_max_kb = {maxText} is not a positive whole number");
            }
        }

        if (LibrarySettings.Setting(section, "log_keep") is { } keepText)
        {
            if (int.TryParse(keepText, NumberStyles.None, CultureInfo.InvariantCulture, out var keep))
            {
                settings = settings with { LogKeep = keep };
            }
            else
            {
                problems.Add($"[hook] log_keep = {keepText} is not a whole number");
            }
        }

        return settings;
    }

    public static RouteMode? ParseMode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "move" => RouteMode.Move,
        "copy" => RouteMode.Copy,
        "hardlink" => RouteMode.Hardlink,
        _ => null,
    };

    /// <summary>
    /// Whether the download is one to handle: always when no categories are listed or the client passes none
    /// (Deluge); else when one of its categories/labels is listed.
    /// </summary>
    public bool Handles(HookRequest request) =>
        Categories.Count == 0 || !request.PassesCategories || request.Categories.Any(c => Categories.Contains(c, StringComparer.OrdinalIgnoreCase));
}
