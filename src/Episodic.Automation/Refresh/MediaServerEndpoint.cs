using Episodic.Core.Text;

namespace Episodic.Automation.Refresh;

/// <summary>
/// One configured media server: where it listens and its credential. <see cref="ToString"/> is overridden because the
/// record's generated one would print the token; every message names the server by kind and <see cref="SafeUrl"/>.
/// </summary>
public sealed record MediaServerEndpoint(MediaServerKind Kind, Uri Url)
{
    /// <summary>Plex's <c>token</c>, or Jellyfin's / Emby's <c>api_key</c>.</summary>
    public string? Token { get; init; }

    /// <summary>Kodi's web-server user (basic auth); null when Kodi asks for none.</summary>
    public string? User { get; init; }

    /// <summary>Kodi's web-server password.</summary>
    public string? Password { get; init; }

    /// <summary>How long one request may take before the refresh counts as failed (<see cref="MediaServerDefaults.Timeout"/>).</summary>
    public TimeSpan Timeout { get; init; } = MediaServerDefaults.Timeout;

    /// <summary>"plex at http://host:32400/": never the credential.</summary>
    public override string ToString() => $"{MediaServerNames.Of(Kind)} at {SafeUrl.Of(Url)}";
}

/// <summary>The defaults of the media-server sections, declared once.</summary>
public static class MediaServerDefaults
{
    /// <summary>
    /// A refresh is a courtesy after the files are safe: a server that has not answered in 10 s is reported and
    /// left, so a sleeping NAS never holds a hook run for long.
    /// </summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(10);
}
