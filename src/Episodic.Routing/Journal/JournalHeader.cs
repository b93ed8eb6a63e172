using System.Text.Json.Serialization;

namespace Episodic.Routing.Journal;

/// <summary>
/// The first line of every journal. It names the run and the roots it worked under, so resume and undo can refuse
/// any line that points elsewhere: a journal planted or edited by hand cannot make Episodic touch other paths.
/// </summary>
public sealed record JournalHeader
{
    /// <summary>The journal format this build writes and reads: 3 = every line signed (HMAC-SHA256, chained).</summary>
    public const int CurrentFormat = 3;

    [JsonPropertyName("episodic_journal")]
    public int Format { get; init; } = CurrentFormat;

    [JsonPropertyName("seq")]
    public long Seq { get; init; }

    [JsonPropertyName("run")]
    public required string Run { get; init; }

    /// <summary>The TV library root (full path); the journal normally lives in its <c>.episodic</c> folder.</summary>
    [JsonPropertyName("library")]
    public required string Library { get; init; }

    /// <summary>The anime root, when it differs from <see cref="Library"/>.</summary>
    [JsonPropertyName("anime_library")]
    public string? AnimeLibrary { get; init; }

    /// <summary>The folders the run read from (a file argument is recorded as its folder).</summary>
    [JsonPropertyName("sources")]
    public required IReadOnlyList<string> Sources { get; init; }

    [JsonPropertyName("started")]
    public DateTimeOffset Started { get; init; } = DateTimeOffset.UtcNow;

    [JsonPropertyName("pid")]
    public int Pid { get; init; } = Environment.ProcessId;

    /// <summary>Which command wrote the journal ("route --apply", "hook qbittorrent", "watch", "review accept ID"), for history; absent in older journals.</summary>
    [JsonPropertyName("command")]
    public string? Command { get; init; }

    /// <summary>Where destinations may be: the library root and the anime root.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> LibraryRoots => AnimeLibrary is null || AnimeLibrary == Library ? [Library] : [Library, AnimeLibrary];

    /// <summary>A header for a run over these roots (full, normalised paths).</summary>
    public static JournalHeader For(string library, string? animeLibrary, IEnumerable<string> sources) => new()
    {
        Run = RouteJournal.NewId(),
        Library = JournalScope.Normalise(library),
        AnimeLibrary = animeLibrary is null ? null : JournalScope.Normalise(animeLibrary),
        Sources = sources.Select(JournalScope.Normalise).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
    };
}
