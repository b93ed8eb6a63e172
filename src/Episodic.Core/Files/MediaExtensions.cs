namespace Episodic.Core.Files;

/// <summary>The file extensions Episodic treats as episodes and as the subtitles that go with them.</summary>
public static class MediaExtensions
{
    /// <summary>Video containers.</summary>
    public static IReadOnlySet<string> Video { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".mkv", ".mp4", ".avi", ".m4v", ".ts", ".m2ts", ".wmv", ".mov", ".webm", ".mpg", ".flv",
    };

    /// <summary>Subtitle files.</summary>
    public static IReadOnlySet<string> Subtitle { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".srt", ".ass", ".ssa", ".sub",
    };

    public static bool IsVideo(string path) => Video.Contains(Path.GetExtension(path));

    public static bool IsSubtitle(string path) => Subtitle.Contains(Path.GetExtension(path));
}
