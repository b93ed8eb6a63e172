namespace Episodic.Server;

/// <summary>The server options cannot be used (a bad URL, a public address without an API key, ...).</summary>
public sealed class ServerConfigurationException : Exception
{
    public ServerConfigurationException()
    {
    }

    public ServerConfigurationException(string message)
        : base(message)
    {
    }

    public ServerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
