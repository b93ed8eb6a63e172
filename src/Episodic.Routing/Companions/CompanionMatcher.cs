using System.Globalization;
using System.Text.RegularExpressions;
using Episodic.Routing.Planning;

namespace Episodic.Routing.Companions;

/// <summary>
/// Finds each video's companions: subtitles beside it or in its folder's "Subs/", "Subtitles/" or "Subs/&lt;release&gt;/"
/// folder, and a scene .nfo. A companion goes to the video its name starts with (case-insensitively), else to the one
/// whose episode (S01E02, 1x02) its name or its Subs sub-folder names, else — carrying no episode — to the only video
/// of the folder. A name for another episode is never attached to the wrong video; a subtitle no video takes is
/// reported (<see cref="RoutePlan.UnmatchedSubtitles"/>) and left in place.
/// </summary>
public static partial class CompanionMatcher
{
    /// <summary>Folder names (any case) whose subtitles belong to the videos of the folder holding them.</summary>
    public static readonly IReadOnlySet<string> SubtitleFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "subs", "sub", "subtitles", "subtitle" };

    /// <summary>Attaches companions to <paramref name="videos"/>; subtitles none takes are added to <paramref name="unmatched"/>.</summary>
    /// <param name="looseSubtitles">Other subtitles the scan saw (a folder walk): listed when no video takes them.</param>
    public static IReadOnlyList<ScannedFile> Attach(IReadOnlyList<ScannedFile> videos, ICollection<string> unmatched, IEnumerable<string> looseSubtitles)
    {
        ArgumentNullException.ThrowIfNull(videos);
        ArgumentNullException.ThrowIfNull(unmatched);
        ArgumentNullException.ThrowIfNull(looseSubtitles);
        var taken = new Dictionary<string, List<(Companion Companion, bool Beside)>>(StringComparer.Ordinal);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var listed = new HashSet<string>(unmatched, StringComparer.Ordinal);
        var included = videos.Select(v => v.FullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in videos.Select(v => Path.GetDirectoryName(v.FullPath)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var folderVideos = Files(folder).Where(f => SourceScanner.IsVideo(f) && Extras.Reason(Path.GetFileName(f)) is null).ToList();
            foreach (var (candidate, subFolder) in Candidates(folder))
            {
                if (!claimed.Add(candidate))
                {
                    continue;
                }

                if (Match(candidate, subFolder, folderVideos) is not { } match)
                {
                    if (SourceScanner.IsSubtitle(candidate) && listed.Add(candidate))
                    {
                        unmatched.Add(candidate);
                    }

                    continue;
                }

                if (included.Contains(match.Video))
                {
                    if (!taken.TryGetValue(match.Video, out var list))
                    {
                        taken[match.Video] = list = [];
                    }

                    list.Add((new Companion(candidate, match.Suffix), subFolder is null && match.Named));
                }
            }
        }

        foreach (var loose in looseSubtitles.Order(StringComparer.Ordinal))
        {
            if (!claimed.Contains(loose) && listed.Add(loose))
            {
                unmatched.Add(loose);
            }
        }

        return videos.Select(v => v with { Sidecars = taken.TryGetValue(v.FullPath, out var list) ? Distinct(list) : [] }).ToList();
    }

    /// <summary>The episode a name carries ("S01E02", "s1.e2", "1x02" → "1:2"), or null.</summary>
    public static string? EpisodeKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var m = SeasonEpisode().Match(name);
        if (!m.Success)
        {
            m = CrossEpisode().Match(name);
        }

        return m.Success
            ? string.Create(CultureInfo.InvariantCulture, $"{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)}:{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)}")
            : null;
    }

    private sealed record Matched(string Video, string Suffix, bool Named);

    private static Matched? Match(string candidate, string? subFolder, List<string> folderVideos)
    {
        var name = Path.GetFileName(candidate);
        var named = folderVideos.Select(v => Path.GetFileNameWithoutExtension(v))
            .Where(stem => name.Length > stem.Length + 1 && name.StartsWith(stem, StringComparison.OrdinalIgnoreCase) && name[stem.Length] == '.')
            .MaxBy(stem => stem.Length);
        if (named is not null)
        {
            return new Matched(folderVideos.First(v => Path.GetFileNameWithoutExtension(v) == named), CompanionName.Suffix(name, named), true);
        }

        var suffix = CompanionName.Suffix(name, null);
        if (subFolder is not null && folderVideos.FirstOrDefault(v => string.Equals(Path.GetFileNameWithoutExtension(v), subFolder, StringComparison.OrdinalIgnoreCase)) is { } byFolder)
        {
            return new Matched(byFolder, suffix, false);
        }

        var key = EpisodeKey(Path.GetFileNameWithoutExtension(name)) ?? (subFolder is null ? null : EpisodeKey(subFolder));
        if (key is not null)
        {
            var same = folderVideos.Where(v => EpisodeKey(Path.GetFileName(v)) == key).ToList();
            return same.Count == 1 ? new Matched(same[0], suffix, false) : null;
        }

        return folderVideos.Count == 1 ? new Matched(folderVideos[0], suffix, false) : null;
    }

    /// <summary>Companion files beside the videos of <paramref name="folder"/> first, then subtitles in its Subs folders (with the sub-folder's name, if any).</summary>
    private static IEnumerable<(string File, string? SubFolder)> Candidates(string folder)
    {
        foreach (var file in Files(folder).Where(f => SourceScanner.SidecarExtensions.Contains(Path.GetExtension(f))))
        {
            yield return (file, null);
        }

        foreach (var subs in Folders(folder).Where(d => SubtitleFolders.Contains(Path.GetFileName(d))))
        {
            foreach (var file in Files(subs).Where(SourceScanner.IsSubtitle))
            {
                yield return (file, null);
            }

            foreach (var release in Folders(subs))
            {
                foreach (var file in Files(release).Where(SourceScanner.IsSubtitle))
                {
                    yield return (file, Path.GetFileName(release));
                }
            }
        }
    }

    /// <summary>Names once each: the companion named after its video keeps the plain name; the next with the same name is ".2".</summary>
    private static List<Companion> Distinct(List<(Companion Companion, bool Beside)> companions)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<Companion>(companions.Count);
        foreach (var (companion, _) in companions.OrderBy(c => c.Beside ? 0 : 1).ThenBy(c => c.Companion.Source, StringComparer.Ordinal))
        {
            var suffix = companion.Suffix;
            for (var n = 2; !used.Add(suffix); n++)
            {
                suffix = CompanionName.Numbered(companion.Suffix, n);
            }

            result.Add(companion with { Suffix = suffix });
        }

        return result;
    }

    private static string[] Files(string folder)
    {
        try
        {
            var files = Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith(SourceScanner.ReservedPrefix, StringComparison.Ordinal)).ToArray();
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }

    private static string[] Folders(string folder)
    {
        try
        {
            var dirs = Directory.GetDirectories(folder).Where(d => new DirectoryInfo(d).LinkTarget is null).ToArray();
            Array.Sort(dirs, StringComparer.Ordinal);
            return dirs;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"(?<![a-z0-9])s(\d{1,3})[ ._-]?e(\d{1,4})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeasonEpisode();

    [GeneratedRegex(@"(?<![a-z0-9])(\d{1,2})x(\d{2,3})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrossEpisode();
}
