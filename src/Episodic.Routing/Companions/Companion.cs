namespace Episodic.Routing.Companions;

/// <summary>A file that travels with a video (a subtitle or a scene .nfo) and the suffix it takes after the video's new stem.</summary>
public sealed record Companion(string Source, string Suffix);
