namespace Episodic.Core.Evaluation;

/// <summary>
/// One labelled row of a corpus TSV (see testdata/corpus/README.md). Cells are kept as the raw strings
/// score.py sees; a missing cell is "".
/// </summary>
public sealed record CorpusRow
{
    public string Id { get; init; } = "";
    public string Source { get; init; } = "";
    public string Filename { get; init; } = "";
    public string Options { get; init; } = "";
    public string Title { get; init; } = "";
    public string Year { get; init; } = "";
    public string Season { get; init; } = "";
    public string Episodes { get; init; } = "";
    public string AbsoluteEpisodes { get; init; } = "";
    public string AirDate { get; init; } = "";
    public string FullSeason { get; init; } = "";
    public string Special { get; init; } = "";
    public string Crc32 { get; init; } = "";
    public string ReleaseGroup { get; init; } = "";
    public string ExpectNone { get; init; } = "";
    public string HandLabelled { get; init; } = "";
    public string Notes { get; init; } = "";

    /// <summary>The corpus a row belongs to, as score.py derives it: the id up to the first '-'.</summary>
    public string Corpus => Id.Split('-')[0];

    /// <summary>Rows noted <c>expect_parse_only</c> are not scored.</summary>
    public bool IsScored => !Notes.Contains("expect_parse_only", StringComparison.Ordinal);
}
