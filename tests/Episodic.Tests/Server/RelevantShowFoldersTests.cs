using Episodic.Routing.Library;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>
/// /route/plan indexes only the existing shows its names could match (issue 17 item 13): 38,000 folders for a few
/// names make an index of a handful, and every lookup answers as the full index does.
/// </summary>
public sealed class RelevantShowFoldersTests
{
    private static readonly (string Show, int? Year)[] Shows = [("the office us", null), ("Doctor Who", 2005), ("Dandadan", null), ("Unknown Show", null)];

    [Fact]
    public void Only_folders_a_planned_show_could_match_are_indexed_and_they_answer_as_the_full_index()
    {
        var folders = Enumerable.Range(0, 38_000).Select(i => $"Synthetic Series {i:00000}")
            .Concat(["The Office (US)", "The Office (UK)", "Doctor Who (1963)", "Doctor Who (2005)", "Dandadan", ".hidden", "Breaking Bad"])
            .ToList();

        var relevant = RelevantShowFolders.Index(folders, Shows);
        var full = new ShowFolderIndex(folders);

        Assert.Equal(["The Office (US)", "The Office (UK)", "Doctor Who (1963)", "Doctor Who (2005)", "Dandadan"], relevant.Folders);
        Assert.All(Shows, s => Assert.Equal(full.Match(s.Show, s.Year), relevant.Match(s.Show, s.Year)));
        Assert.Equal("The Office (US)", relevant.Match("the office us", null));
        Assert.Equal("Doctor Who (2005)", relevant.Match("Doctor Who", 2005));
    }
}
