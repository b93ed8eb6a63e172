using System.CommandLine;
using System.Globalization;
using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Llm.Configuration;
using Microsoft.Extensions.Configuration;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic identify NAME|PATH...</c>: parse each name, then ask TMDB or TVmaze which show and episode it is:
/// canonical name and year, provider ids, the provider's season/episode numbering, the episode title, and how the
/// show was matched. Exit 0 when every input was identified, 5 (a partial result) when some were not, 2/3 for bad
/// input or config.
/// </summary>
internal static class IdentifyCommand
{
    public const int ExitSomeUnidentified = ExitCodes.SomeFailed;

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("NAME|PATH") { Description = "Release names, video files, or folders to scan recursively.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "table (default), json (one array) or jsonl (one object per line).", DefaultValueFactory = _ => "table" };
        format.OneOf("table", "json", "jsonl");
        var llm = new Option<bool>("--llm") { Description = "Let the configured LLM choose when several shows fit equally well (otherwise the best-ranked one, with lowered confidence)." };
        var metadata = new MetadataOptions(allowNone: false);
        var llmOptions = new LlmOptions();
        var command = new Command("identify", "Identify the show and episode of release names with TMDB or TVmaze: canonical name, year, ids, numbering, episode title.") { inputs, format, llm };
        foreach (var option in metadata.All.Concat(llmOptions.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            if (!llmOptions.TryBuildConfiguration(result, context, out var configuration))
            {
                return CliApp.ExitConfigError;
            }

            var fallback = configuration.GetSection("tmdb")["apikey"] is { Length: > 0 } ? "tmdb" : "tvmaze";
            if (!metadata.TryChoose(result, configuration, context, fallback, out var provider) || provider is not { } chosen)
            {
                return CliApp.ExitConfigError;
            }

            var names = Expand(result.GetValue(inputs) ?? [], context);
            if (names.Count == 0)
            {
                context.Error("nothing to identify: no names given and no video files found");
                return CliApp.ExitInputError;
            }

            using var llmHost = result.GetValue(llm) ? llmOptions.CreateHost(result, context) : null;
            if (result.GetValue(llm) && llmHost is null)
            {
                return CliApp.ExitConfigError;
            }

            using var host = metadata.CreateHost(result, configuration, context, chosen, llmHost?.Service);
            if (host is null)
            {
                return CliApp.ExitConfigError;
            }

            var rows = new List<IdentificationJson>(names.Count);
            foreach (var name in names)
            {
                EpisodeParse parse = RuleParser.Default.Parse(name);
                var id = await host.Identifier.IdentifyAsync(parse, cancellationToken).ConfigureAwait(false);
                rows.Add(IdentificationJson.From(name, id));
            }

            Write(context.Stdout, rows, result.GetValue(format) ?? "table");
            context.Stderr.WriteLine($"{rows.Count(r => r.Status == "identified")} of {rows.Count} identified with {ShowId.NameOf(chosen)}; {host.NetworkRequests} request(s) sent");
            return rows.All(r => r.Status == "identified") ? CliApp.ExitOk : ExitSomeUnidentified;
        });
        return command;
    }

    /// <summary>Folders become the media files under them; anything else is a name (a file's path is parsed as a name too).</summary>
    private static List<string> Expand(IEnumerable<string> inputs, CliContext context)
    {
        var names = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                names.AddRange(InputScanner.Scan(input, context.Error).Where(Episodic.Core.Files.MediaExtensions.IsVideo));
            }
            else if (input.Trim().Length > 0)
            {
                names.Add(input);
            }
        }

        return names;
    }

    internal static void Write(TextWriter output, IReadOnlyList<IdentificationJson> rows, string format)
    {
        switch (format)
        {
            case "json":
                output.WriteLine(IdentificationJsonText.ToJson(rows.ToList()));
                return;
            case "jsonl":
                foreach (var row in rows)
                {
                    output.WriteLine(IdentificationJsonText.ToJson(row));
                }

                return;
        }

        string[] header = ["INPUT", "SHOW", "ID", "EPISODE", "TITLE", "MATCHED BY", "CONF", "STATUS"];
        var table = new List<string[]> { header };
        table.AddRange(rows.Select(r => new[]
        {
            Path.GetFileName(r.Input),
            r.Show is null ? "-" : r.Year is { } y ? $"{r.Show} ({y.ToString(CultureInfo.InvariantCulture)})" : r.Show,
            r.ShowId ?? "-",
            r.Season is { } s && r.Episodes.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"S{s:00}E{string.Join("-E", r.Episodes.Select(e => e.ToString("00", CultureInfo.InvariantCulture)))}") : "-",
            r.EpisodeTitle ?? "-",
            r.MatchedBy ?? "-",
            r.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
            r.Status,
        }));
        var widths = Enumerable.Range(0, header.Length - 1).Select(c => table.Max(r => r[c].Length)).ToArray();
        foreach (var cells in table)
        {
            output.WriteLine(string.Join("  ", cells.Select((cell, c) => c < widths.Length ? cell.PadRight(widths[c]) : cell)).TrimEnd());
        }

        foreach (var r in rows.Where(r => r.Status != "identified"))
        {
            output.WriteLine($"  {Path.GetFileName(r.Input)}: {r.Reason}");
        }
    }
}
