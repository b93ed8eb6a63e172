namespace Episodic.Core.Naming;

/// <summary>
/// The naming help routing asks of a model: match a show to existing folders, shorten a name that is too long.
/// A small interface in Core so routing (and metadata) depend on this, not on the whole LLM assembly.
/// </summary>
public interface INamingAdvisor
{
    /// <summary>"backend:model" (or the chain of them), for messages.</summary>
    string Name { get; }

    /// <summary>Picks the best show among metadata search results; an empty list returns no-match without a model call.</summary>
    Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default);

    /// <summary>A readable name within <paramref name="maxLength"/>; never longer, whatever the model says.</summary>
    Task<string> SuggestShortNameAsync(string longName, int maxLength, ShortNameKind kind, CancellationToken cancellationToken = default);
}

/// <summary>One metadata search result (TMDB-like) offered to <see cref="INamingAdvisor.SuggestShowNameAsync"/>.</summary>
public sealed record ShowCandidate(
    int Id,
    string Name,
    string? OriginalName = null,
    string? FirstAirDate = null,
    string? Overview = null,
    IReadOnlyList<string>? AlternativeTitles = null);

/// <summary>The chosen candidate, or <see cref="NoMatch"/> (-1) when none fits.</summary>
public sealed record ShowSuggestion(int Id, string? ShowName, double Confidence, string Reasoning)
{
    public const int NoMatch = -1;

    public bool IsMatch => Id != NoMatch;
}

/// <summary>Whether a shortened name is a folder (no extension) or a file (keeps extension, show, season and episode).</summary>
public enum ShortNameKind
{
    Directory,
    File,
}
