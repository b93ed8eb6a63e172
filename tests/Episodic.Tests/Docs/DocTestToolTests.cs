using Xunit;

namespace Episodic.Tests.Docs;

/// <summary>The doc-test machinery itself: markers, placeholders and curl lines are read as documented.</summary>
public sealed class DocTestToolTests
{
    [Fact]
    public void A_marker_applies_to_the_next_fence_only()
    {
        var blocks = DocBlocks.Parse("x.md", ["<!-- doctest: run exit=2 -->", "", "```sh", "episodic pasre", "```", "text", "<!-- doctest: skip reason=\"needs a live API key\" -->", "words", "```sh", "x", "```"]);
        Assert.Equal(DocBlockKind.Run, blocks[0].Kind);
        Assert.Equal("2", blocks[0].Attribute("exit", "0"));
        Assert.Equal("episodic pasre", blocks[0].Content);
        Assert.Equal(DocBlockKind.None, blocks[1].Kind);
    }

    [Fact]
    public void Placeholders_match_real_values_of_the_same_shape_only()
    {
        Assert.Equal(
            DocOutput.Normalise("journal: ~/lib/.episodic/journal-20261126-042927-546-3fa9c1.jsonl at 2026-12-03T16:20:07.123Z in 12 ms"),
            DocOutput.Normalise("journal: ~/lib/.episodic/journal-<id>.jsonl at <time> in 1.4 s  \n\n"));
        Assert.NotEqual(
            DocOutput.Normalise("~/lib/.episodic/journal-20261126T041500Z.jsonl"),
            DocOutput.Normalise("~/lib/.episodic/journal-20261126-042927-546-3fa9c1.jsonl"));
    }

    [Fact]
    public void Review_ids_and_history_times_match_where_review_and_history_print_them_only()
    {
        Assert.Equal(
            DocOutput.Normalise("b4v7a9  not_an_episode  ~/x.mkv\n2026-12-06 20:18:30Z  review accept b4v7a9      complete"),
            DocOutput.Normalise("<review-id>  not_an_episode  ~/x.mkv\n<time>  review accept hmkyxt      complete"));
        Assert.NotEqual(DocOutput.Normalise("abcdef  3 files"), DocOutput.Normalise("<review-id>  3 files"));
        Assert.NotEqual(DocOutput.Normalise("review accept b4v7a9"), DocOutput.Normalise("review accept b4v7a1"));
    }

    [Fact]
    public void A_curl_line_becomes_the_same_request()
    {
        var curl = CurlCommand.Parse("curl -s localhost:5080/parse -H 'content-type: application/json' -d '{\"name\":\"Show.S01E02.mkv\"}'   # one name");
        Assert.Equal(HttpMethod.Post, curl.Method);
        Assert.Equal("/parse", curl.PathAndQuery);
        Assert.Equal("{\"name\":\"Show.S01E02.mkv\"}", curl.Body);
        Assert.Throws<FormatException>(() => CurlCommand.Parse("curl -k https://x/parse"));
    }
}
