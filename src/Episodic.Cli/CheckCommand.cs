using System.CommandLine;
using System.Globalization;
using Episodic.Core.Text;
using Episodic.Llm.Composition;
using Episodic.Llm.Configuration;
using Episodic.Llm.Health;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic check</c>: validates the whole configuration, then probes the selected backend and every backend of
/// <c>[llm] chain</c> through the same composed client chain parse uses (one tiny request each), and prints one row per backend, then one row per metadata provider in use (<see cref="CheckMetadata"/>). Exit 0 = usable, 3 = configuration invalid, 4 = the selected
/// backend or the [routing] metadata provider cannot answer, or a metadata provider rejects its key.
/// </summary>
internal static class CheckCommand
{
    public const int ExitUnhealthy = 4;

    public static Command Create(CliContext context)
    {
        var llmOptions = new LlmOptions();
        var command = new Command("check", "Validate the configuration and check that each configured LLM backend is reachable, accepts the key and has the model.");
        foreach (var option in llmOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((result, cancellationToken) => RunAsync(result, llmOptions, context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, LlmOptions llmOptions, CliContext context, CancellationToken cancellationToken)
    {
        if (Load(result, llmOptions, context) is not { } loaded)
        {
            return CliApp.ExitConfigError;
        }

        // The stack's own resolution (chain, pipeline, prices), plus every backend section: check reports them all.
        var settings = loaded.Llm;
        var problems = new List<string>(LlmConfiguration.Validate(settings));
        problems.AddRange(loaded.Problems);
        var metadata = CheckMetadata.Read(llmOptions.BuildConfiguration(result, context));
        problems.AddRange(metadata.Problems);
        var chain = new List<BackendKind>();
        if (loaded.Selected is { } kind)
        {
            chain.Add(kind);
            chain.AddRange(loaded.Pipeline.Chain.Where(k => k != kind));
        }

        problems = [.. problems.Distinct(StringComparer.Ordinal)];
        foreach (var problem in problems)
        {
            context.Error($"configuration: {problem}");
        }

        var rows = await ProbeChainAsync(loaded, chain, cancellationToken).ConfigureAwait(false);
        if (rows.Length > 0)
        {
            CheckTableWriter.Write(context.Stdout, rows);
        }

        var metadataRows = await metadata.ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (metadataRows.Count > 0)
        {
            CheckMetadata.Write(context.Stdout, metadataRows);
        }

        if (problems.Count > 0)
        {
            context.Error($"the configuration has {problems.Count} problem(s); see above.");
            return CliApp.ExitConfigError;
        }

        if (rows.Length == 0 || rows[0].Result is not { Healthy: true })
        {
            context.Error($"the selected backend cannot answer: {(rows.Length == 0 ? "none selected" : rows[0].Verdict)}");
            return ExitUnhealthy;
        }

        if (metadataRows.FirstOrDefault(r => r.Routing) is { Probe.Healthy: false } routing)
        {
            context.Error($"the metadata provider [routing] metadata names cannot answer: {routing.Probe.Verdict}");
            return ExitUnhealthy;
        }

        // A key set for a provider is meant to be used (identify and suggest-show pick TMDB when it is set), so one the
        // provider refuses fails the check even when [routing] does not name it.
        if (metadataRows.Select(r => r.Probe).FirstOrDefault(p => p is { Reachable: true, Authenticated: false }) is { } refused)
        {
            context.Error($"the metadata provider {Episodic.Core.Metadata.ShowId.NameOf(refused.Provider)} rejects its key: {refused.Verdict}");
            return ExitUnhealthy;
        }

        return CliApp.ExitOk;
    }

    /// <summary>The configuration with --backend and --model applied, bound once by the composition root.</summary>
    private static LlmStackSettings? Load(ParseResult result, LlmOptions llmOptions, CliContext context)
    {
        try
        {
            // Every chain member is resolved whatever [llm] strategy says: check probes them all.
            return LlmStackSettings.Resolve(llmOptions.BuildConfiguration(result, context), new PipelineOverrides { Strategy = Strategy.LlmFirst, NoCache = true });
        }
        catch (LlmConfigurationException ex)
        {
            foreach (var problem in ex.Problems.Count > 0 ? ex.Problems : [ex.Message])
            {
                context.Error($"configuration: {problem}");
            }

            return null;
        }
    }

    /// <summary>
    /// Probes every chain member through the stack parse uses: the composition root (<see cref="PipelineHost"/>)
    /// builds each backend's client chain, and <see cref="StackProbe"/> sends one tiny request through it. A member the
    /// root could not build (no key, bad values) gets a "not configured" row; with configuration problems nothing is sent.
    /// </summary>
    private static async Task<CheckRow[]> ProbeChainAsync(LlmStackSettings loaded, List<BackendKind> chain, CancellationToken cancellationToken)
    {
        if (loaded.Problems.Count > 0)
        {
            return [.. chain.Select((k, i) => Unprobed(loaded.Llm, k, i == 0, "not probed: fix the configuration first"))];
        }

        using var host = PipelineHost.Create(loaded);
        // Probes run side by side: each waits on the network, and a dead backend should not delay the others' rows.
        return await Task.WhenAll(chain.Select(async (kind, i) =>
        {
            var role = Role(i == 0);
            if (host.Chain.FirstOrDefault(c => c.Backend?.Kind == kind) is { Client: { } client, Backend: { } options })
            {
                var probe = await StackProbe.ProbeAsync(client, options, cancellationToken).ConfigureAwait(false);
                return new CheckRow(kind.WireName(), role, options.Model, probe.Endpoint is null ? "-" : SafeUrl.Of(probe.Endpoint), probe, probe.Verdict);
            }

            return Unprobed(loaded.Llm, kind, i == 0, "not in the composed chain");
        })).ConfigureAwait(false);
    }

    /// <summary>A row for a backend that was not probed: "not configured" with the first problem when its settings do not convert.</summary>
    private static CheckRow Unprobed(LlmSettings settings, BackendKind kind, bool selected, string why)
    {
        try
        {
            var options = LlmConfiguration.ToBackendOptions(settings, kind);
            return new CheckRow(kind.WireName(), Role(selected), options.Model, SafeUrl.Of(BackendProbe.EndpointOf(options)), null, why);
        }
        catch (LlmConfigurationException ex)
        {
            // A chain member without its key is a gap in the fallback, not a crash; the problems say what to set.
            return new CheckRow(kind.WireName(), Role(selected), "-", "-", null, $"not configured: {(ex.Problems.Count > 0 ? ex.Problems[0] : ex.Message)}");
        }
    }

    private static string Role(bool selected) => selected ? "selected" : "chain";
}

/// <summary>One line of the check table; <see cref="Result"/> is null when the backend could not be probed.</summary>
internal sealed record CheckRow(string Backend, string Role, string Model, string Endpoint, ProbeResult? Result, string Verdict);

/// <summary>Renders the check rows as a plain fixed-width table (greppable, and readable in a CI log).</summary>
internal static class CheckTableWriter
{
    private static readonly string[] Header = ["BACKEND", "ROLE", "MODEL", "ENDPOINT", "REACHABLE", "AUTH", "MODEL OK", "LATENCY", "VERDICT"];

    public static void Write(TextWriter output, IReadOnlyList<CheckRow> rows)
    {
        var table = new List<string[]> { Header };
        table.AddRange(rows.Select(Cells));
        var widths = Enumerable.Range(0, Header.Length - 1).Select(c => table.Max(r => r[c].Length)).ToArray();
        foreach (var cells in table)
        {
            var line = string.Join("  ", cells.Select((cell, c) => c < widths.Length ? cell.PadRight(widths[c]) : cell));
            output.WriteLine(line.TrimEnd());
        }
    }

    private static string[] Cells(CheckRow row)
    {
        static string YesNo(bool value) => value ? "yes" : "no";
        var r = row.Result;
        return
        [
            row.Backend,
            row.Role,
            row.Model,
            row.Endpoint,
            r is null ? "-" : YesNo(r.Reachable),
            r is null ? "-" : r.Reachable ? YesNo(r.Authenticated) : "?",
            r is null ? "-" : r.Reachable && r.Authenticated ? YesNo(r.ModelPresent) : "?",
            r is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{r.Latency.TotalMilliseconds:0} ms"),
            row.Verdict,
        ];
    }
}
