using Episodic.Automation.Review;
using Episodic.Core.Metadata;
using Microsoft.Extensions.Configuration;

namespace Episodic.Cli;

/// <summary>
/// The libraries whose review queues <c>serve</c> answers <c>/review</c> for: every <c>--library</c>, else
/// <c>[routing] tv_path</c> (with <c>anime_tv_path</c>), each laid out by the <c>[routing]</c> templates as for <c>route</c>.
/// </summary>
internal static class ServeLibraries
{
    /// <summary>How long an accept over HTTP waits for a library a hook or watch run has locked before answering 503.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    /// <summary>The caches the health page reports: the LLM answer cache ([cache] dir) and the metadata cache ([metadata] cache_path), as <c>cache stats</c> finds them.</summary>
    public static IReadOnlyList<Server.CacheLocation> Caches(IConfiguration configuration)
    {
        var llmDir = CacheCommand.ConfiguredLlmDir(configuration);
        var metadata = Metadata.Configuration.MetadataConfiguration.Read(configuration).Settings.CachePath ?? Metadata.Http.MetadataCache.DefaultPath();
        return [new("LLM answers", Llm.Caching.CachePaths.ForDirectory(llmDir)), new("metadata", metadata)];
    }

    /// <summary>The desk, or null when no library is configured (the endpoints then say so); false after writing a configuration problem.</summary>
    public static bool TryDesk(CliContext context, IConfiguration configuration, IReadOnlyList<string> libraries, IEpisodeIdentifier? identifier, out ReviewDesk? desk)
    {
        desk = null;
        if (libraries.Count == 0 && string.IsNullOrWhiteSpace(configuration["routing:tv_path"]))
        {
            return true; // no library at all: the server runs, /review says none is configured
        }

        var roots = libraries.Count > 0 ? libraries.Select(l => (string?)l).ToList() : [null];
        var routings = new List<Routing.Planning.RoutingOptions>();
        foreach (var root in roots)
        {
            var routing = LibrarySettings.Routing(configuration, root, null, out var problem);
            if (routing is null)
            {
                context.Error(problem!);
                return false;
            }

            routings.Add(routing with { Identifier = identifier });
        }

        desk = new ReviewDesk(new ReviewDeskOptions
        {
            Libraries = routings,
            IdentifierFor = p => identifier is not null && identifier.Provider == p ? identifier : null,
            LockWait = LockWait,
            Logger = new CliLogger(context),
        });
        return true;
    }
}
