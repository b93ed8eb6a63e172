using System.CommandLine;
using Episodic.Core.Metadata;
using Episodic.Core.Naming;
using Episodic.Metadata;
using Episodic.Metadata.Configuration;
using Episodic.Metadata.Identify;
using Microsoft.Extensions.Configuration;

namespace Episodic.Cli;

/// <summary>
/// The options every metadata-using command shares (--metadata, --offline) and the one place that turns them and the
/// configuration ([tmdb], [tvmaze], [aliases], [metadata], [routing] metadata) into a <see cref="MetadataHost"/>.
/// </summary>
internal sealed class MetadataOptions(bool allowNone)
{
    public Option<string?> Provider { get; } = CreateProvider(allowNone);

    public Option<bool> Offline { get; } = new("--offline")
    {
        Description = "Answer from the metadata cache only; nothing is asked of TMDB or TVmaze.",
    };

    public IEnumerable<Option> All => [Provider, Offline];

    /// <summary>
    /// --metadata, else <c>[routing] metadata</c>, else <paramref name="fallback"/>. Returns false (after writing the
    /// error) for a value that is not tmdb, tvmaze or none.
    /// </summary>
    public bool TryChoose(ParseResult result, IConfiguration configuration, CliContext context, string fallback, out MetadataProvider? provider)
    {
        var text = result.GetValue(Provider) ?? configuration.GetSection("routing")["metadata"] ?? fallback;
        provider = null;
        if (text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) && allowNone)
        {
            return true;
        }

        if (ShowId.TryParseProvider(text, out var p))
        {
            provider = p;
            return true;
        }

        context.Error($"[routing] metadata = {text.Trim()} is not a metadata provider; use tmdb, tvmaze{(allowNone ? " or none" : "")} (or --metadata)");
        return false;
    }

    /// <summary>The stack for <paramref name="provider"/>, or null after writing every configuration problem.</summary>
    public MetadataHost? CreateHost(ParseResult result, IConfiguration configuration, CliContext context, MetadataProvider provider, INamingAdvisor? advisor)
    {
        var (settings, problems) = MetadataConfiguration.Read(configuration);
        try
        {
            if (problems.Count > 0)
            {
                throw new MetadataConfigurationException(problems);
            }

            return MetadataHost.Create(
                settings with { Offline = result.GetValue(Offline) },
                provider,
                advisor is null ? null : new LlmShowPicker(advisor),
                new CliLogger(context));
        }
        catch (MetadataConfigurationException ex)
        {
            Report(context, ex);
            return null;
        }
    }

    /// <summary>Writes a metadata configuration error: a single problem as one line, several one per line under a heading.</summary>
    public static void Report(CliContext context, MetadataConfigurationException ex)
    {
        if (ex.Problems.Count <= 1)
        {
            // One problem is one line: the key, what is wrong and the fix.
            context.Error(ex.Problems.Count == 1 ? ex.Problems[0] : ex.Message);
            return;
        }

        context.Error("the metadata configuration has problems:");
        foreach (var problem in ex.Problems.Count > 0 ? ex.Problems : [ex.Message])
        {
            context.Stderr.WriteLine($"  - {problem}");
        }
    }

    private static Option<string?> CreateProvider(bool allowNone)
    {
        var option = new Option<string?>("--metadata")
        {
            Description = allowNone
                ? "Identify shows with tmdb (needs a key) or tvmaze (no key), or none to file by the name alone (default [routing] metadata, else none)."
                : "Identify shows with tmdb (needs [tmdb] api_key or TMDB_API_KEY) or tvmaze (no key). Default [routing] metadata, else tmdb when a key is set, else tvmaze.",
        };
        option.OneOf(allowNone ? ["tmdb", "tvmaze", "none"] : ["tmdb", "tvmaze"]);
        return option;
    }
}
