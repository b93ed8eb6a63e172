namespace Episodic.Automation.Refresh;

/// <summary>
/// A server did not take the refresh (down, refused the credential, timed out, answered something else). The message
/// is one clause naming the problem and the fix, never the credential; the files are filed all the same.
/// </summary>
public sealed class MediaServerException : Exception
{
    public MediaServerException()
    {
    }

    public MediaServerException(string message)
        : base(message)
    {
    }

    public MediaServerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
