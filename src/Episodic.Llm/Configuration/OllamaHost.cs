namespace Episodic.Llm.Configuration;

/// <summary>
/// Reads an Ollama host the way the Ollama CLI reads OLLAMA_HOST: the scheme and port may be left out
/// (<c>127.0.0.1:11434</c>, <c>0.0.0.0</c>, <c>myserver</c>), meaning http and port 11434.
/// </summary>
public static class OllamaHost
{
    public const int DefaultPort = 11434;

    /// <summary>
    /// <c>host[:port][/path]</c> without a scheme becomes <c>http://host:port[/path]</c>; a value with a scheme is
    /// returned trimmed and otherwise unchanged (its own default port applies). Blank → null.
    /// </summary>
    public static string? Normalize(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Contains("://", StringComparison.Ordinal) || SettingValues.MeantUrl(text) is not null)
        {
            // "http//bad" is a scheme that lost its colon, not host "http" with the path "//bad": left as written,
            // for validation to name.
            return text;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var hostPort = slash < 0 ? text : text[..slash];
        var path = slash < 0 ? "" : text[slash..];
        var (host, port) = SplitHostPort(hostPort);
        if (host.Length == 0)
        {
            host = "127.0.0.1";
        }

        return $"http://{host}:{(port.Length == 0 ? DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture) : port)}{path}";
    }

    private static (string Host, string Port) SplitHostPort(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            // Bracketed IPv6: [::1] or [::1]:11434.
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close > 0)
            {
                var rest = hostPort[(close + 1)..];
                return (hostPort[..(close + 1)], rest.StartsWith(':') ? rest[1..] : "");
            }

            return (hostPort, "");
        }

        var colons = hostPort.Count(c => c == ':');
        return colons switch
        {
            0 => (hostPort, ""),
            1 => (hostPort[..hostPort.IndexOf(':', StringComparison.Ordinal)], hostPort[(hostPort.IndexOf(':', StringComparison.Ordinal) + 1)..]),
            _ => ($"[{hostPort}]", ""), // a bare IPv6 address has no room for a port
        };
    }
}
