using Episodic.Core.Model;

namespace Episodic.Core.Parsing;

/// <summary>Turns one release or file name (optionally with folders) into an <see cref="EpisodeParse"/>. Never throws on bad input.</summary>
public interface IFilenameParser
{
    EpisodeParse Parse(string input);
}
