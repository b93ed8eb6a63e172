namespace Episodic.Core.Model;

/// <summary>Which tier produced an <see cref="EpisodeParse"/>.</summary>
public enum AnswerKind
{
    /// <summary>The rule parser, directly or as the fallback when no model answer was accepted.</summary>
    Rules,

    /// <summary>A validated answer from a language model (fresh or served from the cache).</summary>
    Model,
}
