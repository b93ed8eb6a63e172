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
        fileName.Length is > 0 and < 200 && (PrefixedCapture().IsMatch(fileName) || WordedCapture().IsMatch(fileName) || BareTimestamp().IsMatch(fileName));

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
