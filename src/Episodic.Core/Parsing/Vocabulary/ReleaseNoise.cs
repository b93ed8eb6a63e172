using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Episodic.Core.Parsing.Vocabulary;

/// <summary>
/// Release-noise vocabulary: words that describe how a file was made (quality, codec, source, audio, language, flags),
/// never what it is. A token in this table ends a title and can never be an episode number.
/// </summary>
internal static partial class ReleaseNoise
{
    internal static readonly WordSet Words = new(new[]
    {
        // sources
        "web", "webrip", "webdl", "web-dl", "webdlrip", "dl", "hdtv", "pdtv", "sdtv", "hdtvrip", "dsr", "dsrip", "dvdrip", "dvd", "dvdr", "dvd5", "dvd9",
        "bdrip", "brrip", "bluray", "blu", "ray", "bd", "bdremux", "remux", "hdrip", "tvrip", "vhsrip", "uhd", "uhdrip", "hdr", "hdr10", "dv", "dovi", "hdlight", "hd",
        "sd", "fhd", "ws", "dvb", "rip", "mux", "dlmux", "hdtvmux", "netflixuhdrip", "amazonhd", "itunes", "itunesHD", "ithd", "cam", "telesync", "screener",
        // streaming services and networks commonly written after the numbers
        "amzn", "nf", "dsnp", "dsny", "hmax", "hulu", "atvp", "pcok", "cr", "funi", "hidive", "baha", "crunchyroll", "netflix", "amazon", "ip", "iplayer", "hbo",
        "vrv", "adn", "wakanim", "bili", "bilibili", "cctv", "ytv", "abema",
        // video codecs and formats
        "x264", "x265", "h264", "h265", "hevc", "avc", "xvid", "divx", "mpeg2", "mpeg", "vc1", "vp9", "av1", "hi10p", "hi10", "10b", "8b", "10bit", "8bit", "12bit",
        "bit", "bits", "mkv", "mp4", "avi", "wmv", "ts", "m2ts", "60fps", "24fps", "30fps", "120fps", "vfr", "cfr", "hq", "lq", "mq", "sdr",
        // audio
        "aac", "aac2", "aac5", "ac3", "eac3", "e-ac3", "dd", "ddp", "dd5", "ddp5", "dd2", "ddp2", "dd51", "ddp51", "dts", "dtshd", "dts-hd", "ma", "truehd", "atmos", "flac",
        "2xflac", "mp3", "mp2", "opus", "lpcm", "pcm", "6ch", "2ch", "8ch", "5.1ch", "stereo", "mono",
        // languages and subtitles
        "multi", "multisub", "multisubs", "multi-subs", "subs", "sub", "subbed", "dubbed", "dub", "dual", "audio", "dual-audio", "vostfr", "vosta", "vost", "vf", "vff", "vfq", "vo",
        "truefrench", "french", "english", "eng", "en", "ita", "italian", "spanish", "esp", "german", "ger", "jap", "jpn", "japanese", "chs", "cht", "big5", "gb", "ukr", "rus",
        "pl", "hun", "ro", "nl", "nlsubs", "hebsubs", "legendado", "legendas", "dublado", "subtitulado", "castellano", "espanol", "español", "latino", "hardsub",
        "softsub", "raw", "raws", "flemish", "norwegian", "swedish", "danish", "finnish", "korean", "chinese", "hindi", "tamil", "telugu", "vietsub",
        "简体", "繁体", "繁體", "简繁", "简日", "繁日", "中文字幕", "内封", "外挂", "简繁内封字幕", "简繁日语字幕",
        // release flags
        "proper", "repack", "real", "internal", "limited", "dirfix", "nfofix", "samplefix", "readnfo", "rerip", "extended", "uncut", "uncensored", "unrated",
        "preair", "batch", "complete", "completa", "integrale", "intégrale", "sample", "proof", "obfuscated", "scrambled", "xpost", "asrequested", "convert", "festival", "dc",
        "remastered", "remaster", "restored", "hybrid", "web-rip",
    });

    /// <summary>Markers typical of fansub (anime) releases: where they appear, a bare number is an absolute episode number.</summary>
    private static readonly WordSet FansubMarkers = new(
    [
        "vostfr", "vosta", "fansub", "raws", "raw", "hi10p", "hi10", "10bit", "bd", "batch", "multisub", "multi-subs", "baha", "hardsub", "softsub", "dual-audio",
    ]);

    public static bool IsNoise(string token) => Words.Contains(token) || IsNoiseShape(token, Rules.AsciiTokenMatchers.TakesAsciiPath(token));

    /// <summary><see cref="IsNoise(string)"/> for a token, reading the ASCII answer the token worked out once.</summary>
    public static bool IsNoise(Tokens.Token token) => Words.Contains(token) || IsNoiseShape(token.Text, token.IsAsciiText);

    private static bool IsNoiseShape(string text, bool ascii) => ascii ? AsciiNoiseShape.IsMatch(text) : NoisePattern().IsMatch(text);

    /// <remarks>The endings are asked only of tokens long enough to hold one: most tokens are short, and a case-insensitive compare is not free.</remarks>
    public static bool IsFansubMarker(string token) =>
        FansubMarkers.Contains(token) || token.Length >= 4 && (token.EndsWith("subs", StringComparison.OrdinalIgnoreCase) || token.Length >= 6 && token.EndsWith("fansub", StringComparison.OrdinalIgnoreCase));

    /// <summary>Shapes of noise: resolutions (also "HD1080", never "HD2" or a title's "HD100"), codec and audio spellings with numbers, bit rates, sizes.</summary>
    [GeneratedRegex(@"^(?:\d{3,4}[pi]\d{0,2}|(?:hd|fhd|uhd)(?:480|576|720|1080|2160)|\d{3,4}[xх×]\d{3,4}|[48]k|x26[45]|h\.?26[45]|(?:dd|ddp|aac|ac|eac|dts|flac|opus|mp|truehd)\+?\d(?:ch)?|\d{1,2}ch|\d{2,3}(?:fps|mbits|kbit|kbps|mbps)|\d+(?:\.\d+)?(?:gb|mb|tb)|\d{1,2}bits?|10-bit|web-?dl|web-?rip|blu-?ray|hdtv\w*|\w+rip|\w+mux|s?ubs?ita|\d{3,4}p\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Episodic.Core.Text.RegexLimits.TimeoutMs)]
    internal static partial Regex NoisePattern();
}
