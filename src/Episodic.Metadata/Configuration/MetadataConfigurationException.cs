namespace Episodic.Metadata.Configuration;

/// <summary>The metadata settings cannot be used as they are; every problem names the key and the fix.</summary>
public sealed class MetadataConfigurationException : Exception
{
    public MetadataConfigurationException()
    {
    }

    public MetadataConfigurationException(string message)
        : base(message) => Problems = [message];

    public MetadataConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public MetadataConfigurationException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems)) => Problems = problems;

    public IReadOnlyList<string> Problems { get; } = [];
}
