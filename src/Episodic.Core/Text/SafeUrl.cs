using System.Text.RegularExpressions;

namespace Episodic.Core.Text;

/// <summary>
/// A URL as it may be shown or logged: scheme, host, port and path. The <c>user:password@</c> part and the query
/// (Azure-style <c>?api-key=</c>, proxies' <c>?token=</c>) are credentials as often as not, so they are dropped, and
/// the fragment with them. Every place Episodic shows an endpoint (<c>check</c>, <c>/health/ready</c>, configuration
/// errors, provider failures, logs) goes through here.
/// </summary>
public static partial class SafeUrl
{
    /// <summary><c>http://user:PASS@host:8080/v1?api-key=K</c> → <c>http://host:8080/v1</c>; empty for null.</summary>
    public static string Of(Uri? uri)
    {
        if (uri is null)
        {
            return "";
        }

        return uri.IsAbsoluteUri
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : Of(uri.OriginalString);
    }

    /// <summary>
    /// The same for text that may not even parse as a URL (a configuration value being refused): everything from '?'
    /// or '#' goes, and so does the part between "scheme://" (or the start) and the last '@'.
    /// </summary>
    public static string Of(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.IndexOfAny(['@', '?', '#']) < 0)
        {
            return value; // nothing to hide: shown as written (a Uri round trip would add a trailing '/')
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return Of(uri);
        }

        var cut = value.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            value = value[..cut];
        }

        var at = value.LastIndexOf('@');
        if (at < 0)
        {
            return value;
        }

        // Keep "scheme://" (or a mistyped "scheme:/", "scheme//"); drop everything from there to the '@'.
        var slashes = value.IndexOf("//", StringComparison.Ordinal);
        var start = slashes >= 0 && slashes < at ? slashes + 2 : SchemeWithSlash().Match(value) is { Success: true } m && m.Length <= at ? m.Length : 0;
        return value[..start] + value[(at + 1)..];
    }

    /// <summary>Every http(s) URL inside <paramref name="message"/> (an SDK's exception text, a probe verdict) made safe.</summary>
    public static string Scrub(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Contains("://", StringComparison.Ordinal) ? UrlInText().Replace(message, m => Of(m.Value)) : message;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:/+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.TimeoutMs)]
    private static partial Regex SchemeWithSlash();

    /// <summary>An http(s) URL up to the first space, quote or bracket, less a sentence's final punctuation.</summary>
    [GeneratedRegex(@"\bhttps?://[^\s""'<>()\[\]{}]*[^\s""'<>()\[\]{}.,;:!?]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.TimeoutMs)]
    private static partial Regex UrlInText();
}
