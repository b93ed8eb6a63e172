using Episodic.Core.Parsing.Rules;
using Episodic.Core.Parsing.Tokens;

namespace Episodic.Core.Parsing;

/// <summary>Reads one name (a file name without extension, or one folder) by running the rules in order.</summary>
internal static class NameReader
{
    public static Reading Read(string name, DateOnly today)
    {
        var scratch = TokenScratch.Rent();
        try
        {
            var scan = new Scan(name, Tokenizer.Tokenize(name, scratch));
            GluedMarkerRule.Apply(scan);
            NoiseRule.Apply(scan);
            GroupRule.Apply(scan);
            DateRule.Apply(scan, today);
            SeasonEpisodeRule.Apply(scan);
            SeasonWordRule.Apply(scan);
            EpisodeWordRule.Apply(scan);
            return Resolver.Resolve(scan);
        }
        finally
        {
            scratch.Return();
        }
    }

    /// <summary>The show name a folder spells out when read without episode rules ("Babylon 5", "Sword Art Online 2").</summary>
    public static string? ReadTitleOnly(string name)
    {
        var scratch = TokenScratch.Rent();
        try
        {
            var scan = new Scan(name, Tokenizer.Tokenize(name, scratch));
            NoiseRule.Apply(scan);
            GroupRule.Apply(scan);
            return TitleRule.Build(scan, scan.TitleStart, scan.Count, stopAtNoise: true).Title;
        }
        finally
        {
            scratch.Return();
        }
    }
}
