using Episodic.Core.Model;
using Episodic.Core.Naming;
using Episodic.Routing.Library;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Episodic.Routing.Planning;

/// <summary>
/// Chooses the show folder during planning: the normalised-name match first; with an LLM, names that match nothing
/// ask <see cref="INamingAdvisor.SuggestShowNameAsync"/> with the existing folders as candidates (id = index); a new
/// folder is shortened by <see cref="INamingAdvisor.SuggestShortNameAsync"/> when too long. Answers are remembered per
/// show so a season of files costs one call. A failing model degrades to the deterministic path, never to an error.
/// </summary>
internal sealed class ShowNameResolver(INamingAdvisor? llm, RoutingOptions options, ILogger? logger)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    private readonly Dictionary<string, (string Folder, bool IsNew, string How)> _memo = new(StringComparer.Ordinal);

    public async Task<(string Folder, bool IsNew, string How)> ResolveAsync(EpisodeParse parse, string root, ShowFolderIndex folders, CancellationToken cancellationToken)
    {
        var show = parse.ShowName!;
        if (folders.Match(show, parse.Year) is { } match)
        {
            return (match, false, $"existing folder '{match}'");
        }

        var memoKey = root + "\n" + ShowFolderMatcher.Key(show) + "\n" + parse.Year;
        if (_memo.TryGetValue(memoKey, out var known))
        {
            return known;
        }

        (string Folder, bool IsNew, string How) resolved;
        if (await AskForFolderAsync(show, folders, cancellationToken).ConfigureAwait(false) is { } chosen)
        {
            resolved = (chosen, false, $"existing folder '{chosen}' (chosen by {llm!.Name})");
        }
        else
        {
            var name = await NewFolderAsync(parse, cancellationToken).ConfigureAwait(false);
            resolved = (name, true, $"new folder '{name}'");
        }

        _memo[memoKey] = resolved;
        return resolved;
    }

    private async Task<string?> AskForFolderAsync(string show, ShowFolderIndex folders, CancellationToken cancellationToken)
    {
        var existing = folders.Folders.Where(f => !f.StartsWith('.')).ToList();
        if (llm is null || existing.Count == 0)
        {
            return null;
        }

        try
        {
            var candidates = existing.Select((f, i) => new ShowCandidate(i, f)).ToList();
            var answer = await llm.SuggestShowNameAsync(show, candidates, cancellationToken).ConfigureAwait(false);
            return answer.IsMatch && answer.Id >= 0 && answer.Id < existing.Count ? existing[answer.Id] : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RoutingLog.NoFolderMatch(_logger, llm.Name, show, ex.Message);
            return null;
        }
    }

    private async Task<string> NewFolderAsync(EpisodeParse parse, CancellationToken cancellationToken)
    {
        var raw = RoutePlanner.NewFolderName(parse);
        var max = options.MaxComponentLength;
        var clean = PathSanitiser.Clean(raw, int.MaxValue, ShortNameKind.Directory);
        if (llm is null || PathSanitiser.Fits(clean, max))
        {
            return PathSanitiser.Clean(raw, max, ShortNameKind.Directory);
        }

        try
        {
            var suggested = await llm.SuggestShortNameAsync(clean, max, ShortNameKind.Directory, cancellationToken).ConfigureAwait(false);
            var cleanSuggestion = PathSanitiser.Clean(suggested, max, ShortNameKind.Directory);
            if (cleanSuggestion.Trim('_').Length > 0)
            {
                return cleanSuggestion;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RoutingLog.NoShortName(_logger, llm.Name, raw, ex.Message);
        }

        return PathSanitiser.Clean(raw, max, ShortNameKind.Directory);
    }
}
