namespace Episodic.Routing.Planning;

/// <summary>Why a video file was left out of a plan; the report groups and labels by this, never by the reason text.</summary>
public enum ExclusionKind
{
    /// <summary>A sample, trailer, featurette or other extra (see <see cref="Extras"/>).</summary>
    Extra,

    /// <summary>A name the OS gave as bytes that are not UTF-8: .NET cannot name the file again to move it.</summary>
    UnreadableName,
}

/// <summary>A video file left out of a plan on purpose, with the one-line reason shown to the user.</summary>
public readonly record struct Exclusion(string Path, ExclusionKind Kind, string Reason);
