namespace Episodic.Routing.Companions;

/// <summary>
/// The name a companion takes beside its renamed video: "&lt;video stem&gt;" + the suffix this class derives. A subtitle's
/// language and flags are kept when its name has them as a media server reads them (".en.forced.srt"), or derived from
/// a language name ("2_English.srt" → ".en.srt", "English (SDH).srt" → ".en.sdh.srt"). A scene .nfo becomes
/// ".nfo-orig": Jellyfin and Kodi parse "&lt;episode&gt;.nfo" as their XML metadata, which a scene .nfo is not.
/// </summary>
public static class CompanionName
{
    /// <summary>The extension a scene .nfo is filed under.</summary>
    public const string NfoOrig = ".nfo-orig";

    private static readonly char[] Separators = ['.', '_', ' ', '-', '(', ')', '[', ']'];

    /// <summary>
    /// The suffix (everything after the video's stem) for <paramref name="fileName"/>. <paramref name="videoStem"/> is the
    /// old video stem when the file is named after it ("Show.S01E01.en.srt"): an unrecognised tail is then kept as it is.
    /// </summary>
    public static string Suffix(string fileName, string? videoStem)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var ext = Path.GetExtension(fileName);
        if (string.Equals(ext, ".nfo", StringComparison.OrdinalIgnoreCase))
        {
            return NfoOrig;
        }

        var name = fileName[..^ext.Length];
        if (videoStem is not null)
        {
            var tail = name[videoStem.Length..];
            var tokens = tail.Split('.', StringSplitOptions.RemoveEmptyEntries);
            var (language, forced, sdh, used) = Read(tokens);
            return used == tokens.Length ? Compose(language, forced, sdh, ext) : tail + ext;
        }

        var all = name.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var (lang, isForced, isSdh, _) = Read(all);
        return Compose(lang, isForced, isSdh, ext);
    }

    /// <summary>"&lt;stem&gt;.en.srt" taken: the next is ".en.2.srt", then ".en.3.srt" — never the same name twice.</summary>
    public static string Numbered(string suffix, int n)
    {
        ArgumentNullException.ThrowIfNull(suffix);
        var ext = Path.GetExtension(suffix);
        return $"{suffix[..^ext.Length]}.{n}{ext}";
    }

    /// <summary>
    /// Reads language and flags from the end of <paramref name="tokens"/> and stops at the first token that is neither;
    /// returns how many tokens were read. "hi" is Hindi unless another language precedes it (".en.hi" = hearing impaired).
    /// </summary>
    private static (string? Language, bool Forced, bool Sdh, int Used) Read(string[] tokens)
    {
        string? language = null;
        bool forced = false, sdh = false;
        var used = 0;
        for (var i = tokens.Length - 1; i >= 0; i--)
        {
            var token = tokens[i];
            if (token.Equals("forced", StringComparison.OrdinalIgnoreCase) || token.Equals("foreign", StringComparison.OrdinalIgnoreCase))
            {
                forced = true;
            }
            else if (token.Equals("sdh", StringComparison.OrdinalIgnoreCase) || token.Equals("cc", StringComparison.OrdinalIgnoreCase))
            {
                sdh = true;
            }
            else if (SubtitleLanguages.CodeOf(token) is { } code && language is null)
            {
                language = code;
            }
            else if (SubtitleLanguages.CodeOf(token) is { } earlier && language == "hi" && !sdh)
            {
                // ".en.hi.srt": "hi" after a language is the hearing-impaired flag.
                language = earlier;
                sdh = true;
            }
            else
            {
                break;
            }

            used++;
        }

        return (language, forced, sdh, used);
    }

    private static string Compose(string? language, bool forced, bool sdh, string ext) =>
        (language is null ? "" : "." + language) + (forced ? ".forced" : "") + (sdh ? ".sdh" : "") + ext;
}
