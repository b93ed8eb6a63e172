using System.Globalization;
using Episodic.Core.Metadata;
using Episodic.Metadata;
using Episodic.Metadata.Configuration;
using Microsoft.Extensions.Configuration;

namespace Episodic.Cli;

/// <summary>
/// The metadata half of <c>episodic check</c>: validates [tmdb], [tvmaze], [aliases], [metadata] and probes the
/// providers that are in use — the one [routing] metadata names, TMDB when a key is set, TVmaze when its base_url is
/// set — with one uncached search each. Providers nobody configured are not contacted.
/// </summary>
internal sealed class CheckMetadata
{
    private static readonly string[] Header = ["METADATA", "ROLE", "ENDPOINT", "REACHABLE", "AUTH", "LATENCY", "VERDICT"];

    private readonly MetadataSettings _settings;
    private readonly List<(MetadataProvider Provider, bool Routing)> _probe = [];

    private CheckMetadata(MetadataSettings settings, IReadOnlyList<string> problems)
    {
        _settings = settings;
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }

    /// <summary>The provider [routing] metadata names; its failure makes check fail.</summary>
    public MetadataProvider? Routing { get; private set; }

    public static CheckMetadata Read(IConfiguration configuration)
    {
        var (settings, problems) = MetadataConfiguration.Read(configuration);
        var all = new List<string>(problems);
        var check = new CheckMetadata(settings, all);
        var routing = configuration.GetSection("routing")["metadata"]?.Trim();
        if (ShowId.TryParseProvider(routing, out var p))
        {
            check.Routing = p;
        }
        else if (routing is { Length: > 0 } && !routing.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            all.Add($"[routing] metadata = {routing} is not a metadata provider; use tmdb, tvmaze or none");
        }

        if (check.Routing == MetadataProvider.Tmdb || settings.TmdbApiKey is not null)
        {
            check._probe.Add((MetadataProvider.Tmdb, check.Routing == MetadataProvider.Tmdb));
        }

        if (check.Routing == MetadataProvider.Tvmaze || configuration.GetSection("tvmaze")["baseurl"] is { Length: > 0 })
        {
            check._probe.Add((MetadataProvider.Tvmaze, check.Routing == MetadataProvider.Tvmaze));
        }

        return check;
    }

    public async Task<IReadOnlyList<(MetadataProbe Probe, bool Routing)>> ProbeAsync(CancellationToken cancellationToken)
    {
        var probes = await Task.WhenAll(_probe.Select(p => MetadataHost.ProbeAsync(_settings, p.Provider, cancellationToken))).ConfigureAwait(false);
        return [.. probes.Zip(_probe, (probe, p) => (probe, p.Routing))];
    }

    public static void Write(TextWriter output, IReadOnlyList<(MetadataProbe Probe, bool Routing)> rows)
    {
        static string YesNo(bool value) => value ? "yes" : "no";
        var table = new List<string[]> { Header };
        table.AddRange(rows.Select(r => new[]
        {
            ShowId.NameOf(r.Probe.Provider),
            r.Routing ? "routing" : "configured",
            r.Probe.Endpoint,
            YesNo(r.Probe.Reachable),
            r.Probe.Reachable ? YesNo(r.Probe.Authenticated) : "?",
            string.Create(CultureInfo.InvariantCulture, $"{r.Probe.Latency.TotalMilliseconds:0} ms"),
            r.Probe.Verdict,
        }));
        var widths = Enumerable.Range(0, Header.Length - 1).Select(c => table.Max(r => r[c].Length)).ToArray();
        foreach (var cells in table)
        {
            output.WriteLine(string.Join("  ", cells.Select((cell, c) => c < widths.Length ? cell.PadRight(widths[c]) : cell)).TrimEnd());
        }
    }
}
