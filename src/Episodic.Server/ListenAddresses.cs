using System.Net;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server;

/// <summary>Checks the URLs to listen on before anything is bound.</summary>
public static class ListenAddresses
{
    /// <summary>The URLs of a ';'-separated list, trimmed.</summary>
    public static IReadOnlyList<string> Split(string urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True for addresses only this machine can reach: localhost, 127.0.0.0/8, ::1 and Unix sockets.</summary>
    public static bool IsLoopback(BindingAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsUnixPipe)
        {
            return true;
        }

        var host = address.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>
    /// Parses every URL and refuses a non-loopback one (0.0.0.0, *, a host name, a LAN address) unless an API key is
    /// set. Returns the parsed addresses.
    /// </summary>
    /// <exception cref="ServerConfigurationException">A URL is malformed, or public without an API key.</exception>
    public static IReadOnlyList<BindingAddress> Validate(string urls, bool hasApiKey)
    {
        var list = Split(urls);
        if (list.Count == 0)
        {
            throw new ServerConfigurationException("--urls is empty; give a URL to listen on, e.g. http://127.0.0.1:5080.");
        }

        var addresses = new List<BindingAddress>();
        foreach (var url in list)
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException ex)
            {
                throw new ServerConfigurationException($"--urls '{url}' is not a URL to listen on ({ex.Message}); use e.g. http://127.0.0.1:5080.", ex);
            }

            if (address.Scheme is not ("http" or "https"))
            {
                throw new ServerConfigurationException($"--urls '{url}' must start with http:// or https://.");
            }

            if (!address.IsUnixPipe && address.Port is < 0 or > 65535)
            {
                throw new ServerConfigurationException($"--urls '{url}' names port {address.Port}; a port is from 1 to 65535 (0 picks a free one), e.g. http://127.0.0.1:5080.");
            }

            if (!hasApiKey && !IsLoopback(address))
            {
                throw new ServerConfigurationException(
                    $"refusing to listen on {url} without an API key: a non-loopback address can be reached from other machines. "
                    + "Set one with --api-key or $EPISODIC_API_KEY (clients send it in the X-Api-Key header), or listen on http://127.0.0.1:PORT.");
            }

            addresses.Add(address);
        }

        return addresses;
    }
}
