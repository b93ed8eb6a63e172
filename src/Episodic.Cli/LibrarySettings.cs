using System.CommandLine;
using Episodic.Llm.Configuration;
using Episodic.Routing.Planning;
using Microsoft.Extensions.Configuration;

namespace Episodic.Cli;

/// <summary>
/// The library layout the hands-off commands (hook, review, history, undo --last) file by: <c>[routing]</c>'s roots
/// and templates, as <c>route</c> reads them, with <c>--library</c> on top. One place, so a held file is accepted into
/// the same layout the hook would have used.
/// </summary>
internal static class LibrarySettings
{
    /// <summary>The configuration (--config, $EPISODIC_CONFIG, ./episodic.ini, the environment), unknown keys warned about.</summary>
    /// <exception cref="LlmConfigurationException">An explicitly named file is missing or unreadable.</exception>
    public static IConfiguration Configuration(ParseResult result, LlmOptions llmOptions, CliContext context)
    {
        var path = llmOptions.ConfigPath(result, context);
        var configuration = LlmConfiguration.Build(path, context.Environment);
        ConfigSections.WarnUnknownKeys(path, context);
        return configuration;
    }

    /// <summary>A key of <paramref name="section"/> as written, or as the loader folds it (tv_path → tvpath); null when blank.</summary>
    public static string? Setting(IConfigurationSection section, string key) =>
        section[key.Replace("_", "", StringComparison.Ordinal)] is { Length: > 0 } folded ? folded : section[key] is { Length: > 0 } plain ? plain : null;

    /// <summary>The one line said when no library is named.</summary>
    private const string NoLibrary = "--library is required (or [routing] tv_path in the configuration)";

    /// <summary>
    /// The library root: <paramref name="library"/> (--library), else [routing] tv_path of <paramref name="section"/>;
    /// null, with the one error line said, when neither names one. <c>route</c> and <c>watch</c> ask it first, so a
    /// missing library is an input error before any template is read.
    /// </summary>
    public static string? Root(string? library, IConfigurationSection section, CliContext context)
    {
        var root = library ?? Setting(section, "tv_path");
        if (string.IsNullOrWhiteSpace(root))
        {
            context.Error(NoLibrary);
            return null;
        }

        return root;
    }

    /// <summary>
    /// The routing options for <paramref name="library"/> (else [routing] tv_path) and <paramref name="animeLibrary"/>
    /// (else [routing] anime_tv_path); null with <paramref name="problem"/> set when no library is named or a template is bad.
    /// </summary>
    public static RoutingOptions? Routing(IConfiguration configuration, string? library, string? animeLibrary, out string? problem)
    {
        var section = configuration.GetSection("routing");
        problem = null;
        var root = library ?? Setting(section, "tv_path");
        if (string.IsNullOrWhiteSpace(root))
        {
            problem = NoLibrary;
            return null;
        }

        var options = new RoutingOptions
        {
            LibraryRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)),
            AnimeRoot = (animeLibrary ?? Setting(section, "anime_tv_path")) is { Length: > 0 } anime ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(anime)) : null,
            Template = Setting(section, "template") ?? RoutingOptions.DefaultTemplate,
            AnimeTemplate = Setting(section, "anime_template") ?? RoutingOptions.DefaultAnimeTemplate,
            DailyTemplate = Setting(section, "daily_template") ?? RoutingOptions.DefaultDailyTemplate,
            KeepOriginalName = string.Equals(Setting(section, "rename"), "keep", StringComparison.OrdinalIgnoreCase),
        };
        var problems = TemplateProblems(options);
        if (problems.Count > 0)
        {
            problem = problems[0];
            return null;
        }

        return options;
    }

    /// <summary>Each [routing] template must be usable and read back to the numbers it writes; problems name the key to fix.</summary>
    public static List<string> TemplateProblems(RoutingOptions options) =>
        [.. new[] { (RouteLayout.Season, "[routing] template"), (RouteLayout.Absolute, "[routing] anime_template"), (RouteLayout.Daily, "[routing] daily_template") }
            .SelectMany(t => Episodic.Routing.Templates.TemplateValidator.Problems(options, t.Item1, t.Item2))];

    /// <summary>The roots a run locks and refreshes: the library, then the anime root when it has its own.</summary>
    public static List<string> Roots(RoutingOptions options) => [options.LibraryRoot, .. options.AnimeRoot is { } anime ? [anime] : Array.Empty<string>()];

    /// <summary>An environment variable from the context (tests, the server) or the process.</summary>
    public static string? Variable(CliContext context, string name) =>
        context.Environment is { } e ? e.GetValueOrDefault(name) : System.Environment.GetEnvironmentVariable(name);
}
