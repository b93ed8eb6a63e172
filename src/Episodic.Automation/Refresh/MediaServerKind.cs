namespace Episodic.Automation.Refresh;

/// <summary>
/// The media servers Episodic asks to rescan after a run changed a library. Each has its own INI section (named as
/// <see cref="MediaServerNames.Of"/>), credential and request shape, so the kind is a type, not a string.
/// </summary>
public enum MediaServerKind
{
    Plex,
    Jellyfin,
    Emby,
    Kodi,
}

/// <summary>The section and display name of each <see cref="MediaServerKind"/>.</summary>
public static class MediaServerNames
{
    /// <summary>Every kind, in the order servers are asked.</summary>
    public static IReadOnlyList<MediaServerKind> All { get; } = [MediaServerKind.Plex, MediaServerKind.Jellyfin, MediaServerKind.Emby, MediaServerKind.Kodi];

    /// <summary>plex, jellyfin, emby, kodi: the INI section and the name in messages.</summary>
    public static string Of(MediaServerKind kind) => kind switch
    {
        MediaServerKind.Plex => "plex",
        MediaServerKind.Jellyfin => "jellyfin",
        MediaServerKind.Emby => "emby",
        _ => "kodi",
    };
}
