using Episodic.Core.Naming;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Routing.Library;
using Episodic.Routing.Planning;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>Existing show folders are reused by normalised name; new folder names are legal everywhere.</summary>
public sealed class FolderMatchingTests
{
    private static readonly RoutingOptions Options = new() { LibraryRoot = "/lib" };

    [Theory]
    [InlineData("the.office.us.s01e01.720p.mkv", "The Office (US)")]
    [InlineData("The.Office.US.S02E03.mkv", "The Office (US)")]
    [InlineData("Office.S02E03.mkv", "The Office (US)")]
    [InlineData("Doctor.Who.2005.S01E01.mkv", "Doctor Who (2005)")]
    [InlineData("Doctor.Who.S01E01.mkv", "Doctor Who (2005)")]
    [InlineData("Greys.Anatomy.S01E01.mkv", "Grey's Anatomy")]
    [InlineData("Law.and.Order.S01E01.mkv", "Law & Order")]
    [InlineData("pokemon.S01E01.mkv", "Pokémon")]
    public void Matches_an_existing_folder(string name, string folder)
    {
        string[] folders = ["Doctor Who (2005)", "Grey's Anatomy", "Law & Order", "Pokémon", "The Office (US)", "Zzz"];
        var target = RoutePlanner.Destination(RuleParser.Default.Parse(name), name, Options, folders);

        Assert.NotNull(target);
        Assert.Equal(folder, target.ShowFolder);
        Assert.False(target.NewShowFolder);
        Assert.StartsWith(folder + "/", target.RelativePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Ambiguous_loose_matches_pick_nothing_and_years_disambiguate()
    {
        string[] offices = ["The Office (UK)", "The Office (US)"];
        Assert.Null(ShowFolderMatcher.Match("The Office", null, offices));
        Assert.Equal("The Office (UK)", ShowFolderMatcher.Match("the office uk", null, offices));

        string[] whos = ["Doctor Who (1963)", "Doctor Who (2005)"];
        Assert.Equal("Doctor Who (1963)", ShowFolderMatcher.Match("Doctor Who", 1963, whos));
        Assert.Null(ShowFolderMatcher.Match("Doctor Who", null, whos));
        Assert.Null(ShowFolderMatcher.Match("Venus", null, ["Ven"]));
    }

    [Fact]
    public void New_show_folders_get_a_clean_name()
    {
        var parse = RuleParser.Default.Parse("the.office.us.s01e01.mkv");
        var target = RoutePlanner.Destination(parse, "the.office.us.s01e01.mkv", Options, []);

        Assert.True(target!.NewShowFolder);
        Assert.Equal("The Office (US)", target.ShowFolder);
    }

    [Theory]
    [InlineData("Star Trek: Discovery", "Star Trek - Discovery")]
    [InlineData("What If...?", "What If")]
    [InlineData("A<B>C\"D|E*F/G\\H", "A B C D E F G H")]
    [InlineData("Tab\tand\u0001control", "Tab and control")]
    [InlineData("trailing. . .", "trailing")]
    [InlineData("CON", "CON_")]
    [InlineData("nul.txt", "nul_.txt")]
    [InlineData("com1", "com1_")]
    [InlineData("Console", "Console")]
    [InlineData("...", "_")]
    public void Sanitises_components(string raw, string expected)
    {
        var clean = PathSanitiser.Clean(raw, 200, ShortNameKind.Directory);

        Assert.Equal(expected, clean);
        Assert.True(PathSanitiser.IsClean(clean, 200));
    }

    [Fact]
    public void Long_names_are_shortened_within_the_limit_keeping_numbers_and_extension()
    {
        var show = string.Join(' ', Enumerable.Repeat("Extraordinarily Verbose Title", 12));
        var name = show.Replace(' ', '.') + ".S01E02.mkv";
        var options = Options with { MaxComponentLength = 60 };

        var target = RoutePlanner.Destination(RuleParser.Default.Parse(name), name, options, []);

        Assert.NotNull(target);
        var parts = target.RelativePath.Split('/');
        Assert.All(parts, p => Assert.True(System.Text.Encoding.UTF8.GetByteCount(p) <= 60, p));
        Assert.All(parts, p => Assert.True(PathSanitiser.IsClean(p, 60), p));
        Assert.EndsWith(" - S01E02.mkv", parts[^1], StringComparison.Ordinal);
        Assert.Equal("Season 01", parts[1]);
    }

    [Fact]
    public void Multibyte_names_fit_in_bytes()
    {
        var clean = PathSanitiser.Clean(new string('é', 100), 50, ShortNameKind.Directory);

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(clean) <= 50);
    }

    [Fact]
    public async Task With_an_llm_unmatched_names_ask_for_a_folder_and_long_names_are_shortened_by_it()
    {
        using var fx = new RoutingFixture();
        fx.Folder("Shingeki no Kyojin");
        fx.Write("Attack.on.Titan.S01E01.mkv");
        fx.Write(new string('x', 30) + ".Very.Long.Title.S01E01.mkv");
        var llm = new FolderPickingLlm("Shingeki no Kyojin");

        var plan = await RoutePlanner.PlanAsync([fx.Downloads], fx.Options with { MaxComponentLength = 40 }, RuleParser.Default.Parse, llm, cancellationToken: TestContext.Current.CancellationToken);

        var aot = plan.Items.Single(i => i.Source.Contains("Attack", StringComparison.Ordinal));
        Assert.Equal("Shingeki no Kyojin", aot.Target!.ShowFolder);
        Assert.Contains("chosen by", aot.Reason, StringComparison.Ordinal);
        var longOne = plan.Items.Single(i => i.Source.Contains("Very", StringComparison.Ordinal));
        Assert.Equal("Short - Title", longOne.Target!.ShowFolder);
        Assert.Equal(2, llm.ShowCalls);
        Assert.Equal(["Shingeki no Kyojin"], llm.LastCandidates);
    }

    /// <summary>Matches the one folder it is told to, for names containing "Attack"; shortens to "Short: Title?".</summary>
    private sealed class FolderPickingLlm(string folder) : ILlmService
    {
        public int ShowCalls { get; private set; }

        public IReadOnlyList<string> LastCandidates { get; private set; } = [];

        public string Name => "fake:folders";

        public Task<Core.Model.EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default) => Task.FromResult(RuleParser.Default.Parse(filename));

        public Task<IReadOnlyList<Core.Model.EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Core.Model.EpisodeParse>>(filenames.Select(RuleParser.Default.Parse).ToList());

        public Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default)
        {
            ShowCalls++;
            LastCandidates = candidates.Select(c => c.Name).ToList();
            var hit = candidates.FirstOrDefault(c => c.Name == folder);
            return Task.FromResult(showName.Contains("Attack", StringComparison.OrdinalIgnoreCase) && hit is not null
                ? new ShowSuggestion(hit.Id, hit.Name, 0.9, "same show")
                : new ShowSuggestion(ShowSuggestion.NoMatch, null, 0.9, "none"));
        }

        public Task<string> SuggestShortNameAsync(string longName, int maxLength, ShortNameKind kind, CancellationToken cancellationToken = default) =>
            Task.FromResult("Short: Title?");
    }
}
