using Episodic.Automation.Refresh;
using Episodic.Llm.Configuration;
using Episodic.Metadata.Configuration;

namespace Episodic.Cli;

/// <summary>
/// Every INI section the CLI reads and its keys, so an unknown key in one of them is warned about with the closest
/// known key (<see cref="IniKeyCheck"/>). Sections whose keys are free (<c>[prices]</c>, <c>[aliases]</c>) and
/// sections of other tools sharing a Sync2NAS file (<c>[sftp]</c>, <c>[database]</c>, ...) are not checked.
/// </summary>
internal static class ConfigSections
{
    /// <summary>The keys of <c>[routing]</c> (route, check) and <c>[logging]</c> (serve), <c>[hook]</c> (hook).</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> CliOwn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["routing"] = ["tv_path", "anime_tv_path", "template", "anime_template", "daily_template", "rename", "metadata", "metadata_fallback"],
        ["logging"] = ["level"],
        ["hook"] = ["library", "anime_library", "categories", "qbittorrent_mode", "transmission_mode", "sabnzbd_mode", "nzbget_mode", "deluge_mode", "wait", "log", "log_max_kb", "log_keep"],
    };

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Known { get; } =
        IniKeyCheck.LlmSections.Concat(MetadataConfiguration.KnownKeys).Concat(MediaServerConfiguration.KnownKeys).Concat(CliOwn)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Warns (once per run) about every unknown key in the file at <paramref name="path"/> and in the
    /// <c>EPISODIC_SECTION__KEY</c> variables; an unreadable file is left to the loader.
    /// </summary>
    public static void WarnUnknownKeys(string? path, CliContext context)
    {
        foreach (var warning in IniKeyCheck.EnvironmentWarnings(context.Environment ?? LlmEnvironment.FromProcess(), Known))
        {
            context.WarnOnce(warning);
        }

        if (path is null)
        {
            return;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var warning in IniKeyCheck.Warnings(text, Known))
        {
            context.WarnOnce($"{path}: {warning}");
        }
    }
}
