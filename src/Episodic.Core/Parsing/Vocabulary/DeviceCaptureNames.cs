using System.Text.RegularExpressions;

namespace Episodic.Core.Parsing.Vocabulary;

/// <summary>
/// File names that cameras, phones, screen recorders and messengers give their captures (VID_20240612_181522,
/// PXL_20240612_101500123, "Screen Recording 2024-06-12 at 18.15.22"). They hold a date and a time, so the rules would
/// read them as daily shows; they are never episodes, and a media folder that collects them must not file them.
/// Data, not rules: a new device's prefix is one alternative below.
/// </summary>
internal static partial class DeviceCaptureNames
{
    /// <summary>True when the file name (without folders or extension) is a device capture.</summary>
    public static bool IsCapture(string fileName) =>
        fileName.Length is > 0 and < 200 && MayBeCapture(fileName)
        && (PrefixedCapture().IsMatch(fileName) || WordedCapture().IsMatch(fileName) || BareTimestamp().IsMatch(fileName));

    /// <summary>
    /// A cheap gate in front of the three patterns, which every parsed name would otherwise pay for: each pattern starts
    /// with a letter of <see cref="FirstLetters"/> or a digit and needs a run of at least four digits. A name that starts
    /// with any other ASCII character, or has no such run, cannot match; a non-ASCII first letter goes to the patterns
    /// (their case-insensitive matching is left to decide), so the accepted set is exactly the patterns' set.
    /// </summary>
    private static bool MayBeCapture(string fileName)
    {
        var c = fileName[0];
        if (char.IsAscii(c) && !char.IsAsciiDigit(c) && !FirstLetters.Contains(char.ToUpperInvariant(c)))
        {
            return false;
        }

        var run = 0;
        foreach (var ch in fileName)
        {
            run = char.IsDigit(ch) ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The upper-case first letters of every alternative in <see cref="PrefixedCapture"/> and <see cref="WordedCapture"/>.</summary>
    private static readonly System.Buffers.SearchValues<char> FirstLetters = System.Buffers.SearchValues.Create("CDGIMPRSTVWZ");

    /// <summary>Camera and phone prefixes followed by a date or counter: VID_, IMG_, PXL_, MVIMG_, DSC_, DSCN, DSCF, MVI_, GOPR, GH01, GX01, DJI_, WP_, CIMG, RPReplay_Final.</summary>
    [GeneratedRegex(@"^(?:VID|IMG|PXL|MVIMG|MVI|MOV|DSC[NF]?|GOPR|G[HX]\d{2}|DJI|WP|SAM|CIMG|RPReplay_Final|Screenrecorder|screen[-_]?record(?:ing)?|Screenshot|signal|Snapchat|VideoCapture|Record|REC)[_-]?\d{4,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex PrefixedCapture();

    /// <summary>"Screen Recording 2024-06-12 at 18.15.22", "WhatsApp Video 2024-06-12 at 18.15.22", "Screen Shot 2024-06-12 at ...".</summary>
    [GeneratedRegex(@"^(?:Screen[ _]Recording|Screen[ _]Shot|Screenshot|WhatsApp[ _](?:Video|Image)|Telegram[ _]Video|Video|Movie on|Zoom[ _]Recording)[ _]\d{4}-\d{2}-\d{2}(?:[ _]at[ _]\d{1,2}[.:]\d{2})?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex WordedCapture();

    /// <summary>Samsung and others write the bare timestamp: 20240612_181522, 2024-06-12_18-15-22.</summary>
    [GeneratedRegex(@"^\d{8}_\d{6}(?:\d{3})?(?:_\w+)?$|^\d{4}-\d{2}-\d{2}[ _]\d{2}[-.]\d{2}[-.]\d{2}$", RegexOptions.CultureInvariant, Episodic.Core.Text.RegexLimits.TimeoutMs)]
    private static partial Regex BareTimestamp();
}
