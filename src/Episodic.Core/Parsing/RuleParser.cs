using Episodic.Core.Model;

namespace Episodic.Core.Parsing;

/// <summary>The embedded rule parser (placeholder until the rule set lands).</summary>
public sealed class RuleParser : IFilenameParser
{
    public static RuleParser Default { get; } = new();

    public EpisodeParse Parse(string input) => EpisodeParse.NotAnEpisode(input ?? "", "No episode pattern was found in the name.");
}
