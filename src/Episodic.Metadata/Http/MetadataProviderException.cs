using Episodic.Core.Metadata;

namespace Episodic.Metadata.Http;

/// <summary>Why a provider request gave no usable answer.</summary>
public enum MetadataFailure
{
    /// <summary>401/403: the key is missing, wrong or revoked. Asking again will not help.</summary>
    Unauthorized,

    /// <summary>404: no such show, season or episode.</summary>
    NotFound,

    /// <summary>Network error, timeout, 5xx or 429 after every retry, or the circuit is open.</summary>
    Unavailable,

    /// <summary>--offline and the cache has no answer.</summary>
    Offline,

    /// <summary>The body is not the JSON the provider documents.</summary>
    BadResponse,
}

/// <summary>A provider failure with a one-line message that never contains the key or the full request URL.</summary>
public sealed class MetadataProviderException : Exception
{
    public MetadataProviderException()
    {
    }

    public MetadataProviderException(string message)
        : base(message)
    {
    }

    public MetadataProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MetadataProviderException(MetadataProvider provider, MetadataFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        Failure = failure;
    }

    public MetadataProvider Provider { get; }

    public MetadataFailure Failure { get; }

    /// <summary>True when later requests to this provider in the same run will fail the same way.</summary>
    public bool DisablesProvider => Failure is MetadataFailure.Unauthorized or MetadataFailure.Unavailable;
}
