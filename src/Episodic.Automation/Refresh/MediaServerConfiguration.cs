using System.Globalization;
using Episodic.Core.Text;
using Microsoft.Extensions.Configuration;

namespace Episodic.Automation.Refresh;

/// <summary>
/// Reads the <c>[plex]</c>, <c>[jellyfin]</c>, <c>[emby]</c> and <c>[kodi]</c> sections from the layered configuration
/// (INI file, <c>PLEX_TOKEN</c> / <c>JELLYFIN_API_KEY</c> / <c>EMBY_API_KEY</c>, <c>EPISODIC_PLEX__URL</c>, ...). A
/// section takes part when its <c>url</c> is set. Keys arrive folded (<c>api_key</c> → <c>apikey</c>). Every problem
/// is reported at once, each naming the key and the fix.
/// </summary>
public static class MediaServerConfiguration
{
    /// <summary>The keys of each section, for the unknown-key warning.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownKeys { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["plex"] = ["url", "token", "timeout"],
        ["jellyfin"] = ["url", "api_key", "timeout"],
        ["emby"] = ["url", "api_key", "timeout"],
        ["kodi"] = ["url", "user", "password", "timeout"],
    };

    /// <summary>The configured servers and every problem found; the servers are usable only when the list is empty.</summary>
    public static (IReadOnlyList<MediaServerEndpoint> Endpoints, IReadOnlyList<string> Problems) Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoints = new List<MediaServerEndpoint>();
        var problems = new List<string>();
        foreach (var kind in MediaServerNames.All)
        {
            var name = MediaServerNames.Of(kind);
            var section = configuration.GetSection(name);
            if (Value(section, "url") is not { } text)
            {
                continue;
            }

            var count = problems.Count;
            var url = Url(text, name, kind, problems);
            var timeout = Timeout(Value(section, "timeout"), name, problems);
            var endpoint = kind switch
            {
                MediaServerKind.Plex => Credentialled(kind, url, Value(section, "token"), "[plex] url is set but no token; set [plex] token (or PLEX_TOKEN) to the server's X-Plex-Token", problems),
                MediaServerKind.Jellyfin => Credentialled(kind, url, Value(section, "api_key"), "[jellyfin] url is set but no api_key; create one in Dashboard → API Keys and set [jellyfin] api_key (or JELLYFIN_API_KEY)", problems),
                MediaServerKind.Emby => Credentialled(kind, url, Value(section, "api_key"), "[emby] url is set but no api_key; create one in Settings → Advanced → API Keys and set [emby] api_key (or EMBY_API_KEY)", problems),
                _ => Kodi(url, Value(section, "user"), Value(section, "password"), problems),
            };
            if (problems.Count == count)
            {
                endpoints.Add(endpoint with { Timeout = timeout });
            }
        }

        return (endpoints, problems);
    }

    private static MediaServerEndpoint Credentialled(MediaServerKind kind, Uri url, string? token, string missing, List<string> problems)
    {
        if (token is null)
        {
            problems.Add(missing);
        }

        return new MediaServerEndpoint(kind, url) { Token = token };
    }

    private static MediaServerEndpoint Kodi(Uri url, string? user, string? password, List<string> problems)
    {
        if (password is not null && user is null)
        {
            problems.Add("[kodi] password is set but no user; set [kodi] user to Kodi's web-server user name (default kodi)");
        }

        return new MediaServerEndpoint(MediaServerKind.Kodi, url) { User = user, Password = password };
    }

    /// <summary>A key of the section; the INI loader folds snake_case keys ("api_key" → "apikey"), so both spellings are tried.</summary>
    private static string? Value(IConfigurationSection section, string key) =>
        (section[key.Replace("_", "", StringComparison.Ordinal)] ?? section[key]) is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    private static Uri Url(string value, string name, MediaServerKind kind, List<string> problems)
    {
        var example = kind switch
        {
            MediaServerKind.Plex => "http://127.0.0.1:32400",
            MediaServerKind.Kodi => "http://127.0.0.1:8080",
            _ => "http://127.0.0.1:8096",
        };
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            problems.Add($"[{name}] url = {SafeUrl.Of(value)} is not an http(s) URL without a query or user; set it (or EPISODIC_{name.ToUpperInvariant()}__URL) to e.g. {example}");
            return new Uri(example + "/");
        }

        // A trailing slash makes relative paths ("library/sections") extend the base path (Emby's "/emby") instead of replacing it.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary><c>timeout</c>: seconds ("10", "2.5", "10s") or milliseconds ("500ms"), from 0.1 s to 300 s.</summary>
    private static TimeSpan Timeout(string? value, string name, List<string> problems)
    {
        if (value is null)
        {
            return MediaServerDefaults.Timeout;
        }

        var text = value.ToLowerInvariant();
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001) : text.EndsWith('s') ? (text[..^1], 1.0) : (text, 1.0);
        if (double.TryParse(number.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n * scale is >= 0.1 and <= 300)
        {
            return TimeSpan.FromSeconds(n * scale);
        }

        problems.Add($"[{name}] timeout = {value} must be a time from 0.1s to 300s, e.g. timeout = {MediaServerDefaults.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s");
        return MediaServerDefaults.Timeout;
    }
}
