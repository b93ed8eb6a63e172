using System.CommandLine;
using System.Globalization;
using Episodic.Automation;
using Episodic.Automation.Refresh;
using Episodic.Automation.Review;
using Episodic.Core.Metadata;
using Episodic.Metadata;
using Episodic.Routing.Planning;
using Episodic.Routing.Reporting;
using Microsoft.Extensions.Configuration;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic review</c>: the files a hook or <c>route --apply --hold</c> could not settle. List them, accept one
/// (with the right show, season or episodes) through the same journaled, locked path as <c>route --apply</c>, or skip it.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CliContext context)
    {
        var list = Shared();
        var format = new Option<string>("--format", "-f") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.OneOf("table", "json");
        var command = new Command("review", "List the files held for review: what could not be settled, why, and the proposed reading.")
        {
            list.Library, list.AnimeLibrary, list.Llm.Config, format,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (list.Desk(result, context, null) is not { } desk)
            {
                return ExitCodes.ConfigError;
            }

            var items = desk.List(result.GetValue(list.Library));
            if (result.GetValue(format) == "json")
            {
                using var buffer = new MemoryStream();
                AutomationJson.WriteReviewList(buffer, items, desk.Untrusted);
                await context.Stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
            }
            else
            {
                WriteTable(context, items);
            }

            foreach (var path in desk.Untrusted)
            {
                context.Error($"a queue row for '{path}' is not signed with your key: not listed");
            }

            return ExitCodes.Ok;
        });
        command.Subcommands.Add(Accept(context));
        command.Subcommands.Add(Skip(context));
        return command;
    }

    private static Command Accept(CliContext context)
    {
        var shared = Shared();
        var id = new Argument<string>("ID") { Description = "The held item's id (episodic review lists them)." };
        var show = new Option<string?>("--show") { Description = "The show's name (\"Name (2005)\" for a year)." };
        var tmdbId = new Option<int?>("--tmdb-id") { Description = "The show's TMDB id: identified by id, never searched." };
        var tvmazeId = new Option<int?>("--tvmaze-id") { Description = "The show's TVmaze id: identified by id, never searched." };
        var season = new Option<int?>("--season") { Description = "The season number (0 = specials)." };
        var episodes = new Option<int[]>("--episode") { Description = "Episode number(s); repeat for a multi-episode file.", AllowMultipleArgumentsPerToken = true };
        var metadata = new MetadataOptions(allowNone: true);
        var noRefresh = MediaRefresh.NoRefreshOption();
        var command = new Command("accept", "File a held item as proposed, or with the show, season and episodes given; journaled like route --apply.")
        {
            id, show, tmdbId, tvmazeId, season, episodes, shared.Library, shared.AnimeLibrary, noRefresh, shared.Llm.Config,
        };
        foreach (var option in metadata.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var named = new[] { result.GetValue(show) is not null, result.GetValue(tmdbId) is not null, result.GetValue(tvmazeId) is not null }.Count(b => b);
            if (named > 1)
            {
                context.Error("give one of --show, --tmdb-id and --tvmaze-id");
                return ExitCodes.InputError;
            }

            ShowId? showId = result.GetValue(tmdbId) is { } t ? new ShowId(MetadataProvider.Tmdb, t) : result.GetValue(tvmazeId) is { } v ? new ShowId(MetadataProvider.Tvmaze, v) : null;
            var overrides = new ReviewOverrides
            {
                Show = result.GetValue(show),
                ShowId = showId,
                Season = result.GetValue(season),
                Episodes = result.GetValue(episodes) is { Length: > 0 } e ? e : null,
            };
            var hosts = new List<MetadataHost>();
            try
            {
                IReadOnlyList<MediaServerEndpoint> mediaServers = [];
                IReadOnlyList<string> libraryRoots = [];
                RoutingOptions? Configure(IConfiguration configuration, RoutingOptions routing)
                {
                    // Read before anything moves: a bad server section is exit 3 with the file still held.
                    if (!MediaRefresh.TryRead(configuration, context, result.GetValue(noRefresh), out mediaServers))
                    {
                        return null;
                    }

                    libraryRoots = LibrarySettings.Roots(routing);
                    return WithMetadata(result, context, metadata, configuration, routing, showId, hosts);
                }

                Task Refresh(RouteSummary summary, CancellationToken token) => MediaRefresh.RunAsync(context, mediaServers, libraryRoots, summary, token);
                if (shared.Desk(result, context, Configure, p => hosts.FirstOrDefault(h => h.Identifier.Provider == p)?.Identifier, Refresh) is not { } desk)
                {
                    return ExitCodes.ConfigError;
                }

                var outcome = await desk.AcceptAsync(result.GetValue(id)!, overrides, cancellationToken).ConfigureAwait(false);
                switch (outcome.Status)
                {
                    case AcceptStatus.Filed:
                        context.Stdout.WriteLine($"{outcome.Message}; journal: {outcome.Journal}");
                        return ExitCodes.Ok;
                    case AcceptStatus.Gone:
                        context.Stdout.WriteLine(outcome.Message);
                        return ExitCodes.Ok;
                    case AcceptStatus.StillHeld or AcceptStatus.Failed:
                        context.Error(outcome.Message);
                        return ExitCodes.SomeFailed;
                    default:
                        context.Error(outcome.Message);
                        return ExitCodes.InputError;
                }
            }
            finally
            {
                hosts.ForEach(h => h.Dispose());
            }
        });
        return command;
    }

    private static Command Skip(CliContext context)
    {
        var shared = Shared();
        var id = new Argument<string>("ID") { Description = "The held item's id (episodic review lists them)." };
        var command = new Command("skip", "Drop a held item from the queue; the file stays where it is.")
        {
            id, shared.Library, shared.AnimeLibrary, shared.Llm.Config,
        };
        command.SetAction(result =>
        {
            if (shared.Desk(result, context, null) is not { } desk)
            {
                return ExitCodes.ConfigError;
            }

            if (!desk.Skip(result.GetValue(id)!))
            {
                context.Error($"no held item '{result.GetValue(id)}' (see episodic review)");
                return ExitCodes.InputError;
            }

            context.Stdout.WriteLine($"skipped {result.GetValue(id)}: the file stays where it is");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The library's identifier ([routing] metadata / --metadata) and the one a person names by id; null after an error.</summary>
    private static RoutingOptions? WithMetadata(ParseResult result, CliContext context, MetadataOptions metadata, IConfiguration configuration, RoutingOptions routing, ShowId? showId, List<MetadataHost> hosts)
    {
        if (!metadata.TryChoose(result, configuration, context, "none", out var provider))
        {
            return null;
        }

        foreach (var p in new[] { provider, showId?.Provider }.OfType<MetadataProvider>().Distinct())
        {
            if (metadata.CreateHost(result, configuration, context, p, null) is not { } host)
            {
                return null;
            }

            hosts.Add(host);
        }

        return routing with { Identifier = hosts.FirstOrDefault(h => h.Identifier.Provider == (provider ?? showId?.Provider))?.Identifier };
    }

    private static void WriteTable(CliContext context, IReadOnlyList<ReviewItem> items)
    {
        if (items.Count == 0)
        {
            context.Stdout.WriteLine("nothing is held for review");
            return;
        }

        foreach (var item in items)
        {
            var p = item.Proposal;
            var reading = p.ShowName is null ? "(no reading)" : string.Create(CultureInfo.InvariantCulture, $"{p.ShowName}{(p.Season is { } s ? $" S{s:00}" : "")}{(p.Episodes.Count > 0 ? $"E{string.Join("E", p.Episodes.Select(e => e.ToString("00", CultureInfo.InvariantCulture)))}" : "")} ({p.Confidence:0.00})");
            context.Stdout.WriteLine($"{item.Id}  {item.Reason.WireName()}  {item.Path}");
            context.Stdout.WriteLine($"    {item.Detail}; proposed: {reading}");
            if (item.Candidates.Count > 0)
            {
                context.Stdout.WriteLine($"    candidates: {string.Join("; ", item.Candidates.Select(c => $"{c.DisplayName} [{c.Id}]"))}");
            }
        }

        context.Stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{items.Count} held; episodic review accept ID [--show NAME] [--season S] [--episode E], or episodic review skip ID"));
    }

    private static SharedOptions Shared() => new();

    /// <summary>The options every review subcommand shares and the desk they make.</summary>
    private sealed class SharedOptions
    {
        public Option<string?> Library { get; } = new("--library") { Description = "Library root (default [routing] tv_path)." };

        public Option<string?> AnimeLibrary { get; } = new("--anime-library") { Description = "Anime root (default [routing] anime_tv_path)." };

        public LlmOptions Llm { get; } = new();

        /// <summary>The desk over the configured library; null after writing the problem.</summary>
        public ReviewDesk? Desk(ParseResult result, CliContext context, Func<IConfiguration, RoutingOptions, RoutingOptions?>? configure, Func<MetadataProvider, IEpisodeIdentifier?>? identifierFor = null, Func<RouteSummary, CancellationToken, Task>? afterChange = null)
        {
            var configuration = LibrarySettings.Configuration(result, Llm, context);
            var routing = LibrarySettings.Routing(configuration, result.GetValue(Library), result.GetValue(AnimeLibrary), out var problem);
            if (routing is null)
            {
                context.Error(problem!);
                return null;
            }

            if (configure is not null)
            {
                if (configure(configuration, routing) is not { } configured)
                {
                    return null;
                }

                routing = configured;
            }

            return new ReviewDesk(new ReviewDeskOptions { Libraries = [routing], IdentifierFor = identifierFor, AfterChange = afterChange, Logger = new CliLogger(context) });
        }
    }
}
