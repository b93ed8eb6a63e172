namespace Episodic.Server;

/// <summary>A cache file the health page reports the size of (the LLM answer cache, the metadata cache): its name and path.</summary>
public sealed record CacheLocation(string Name, string Path);
