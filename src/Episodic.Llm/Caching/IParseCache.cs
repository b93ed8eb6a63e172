using System.Security.Cryptography;
using System.Text;
using Episodic.Core.Model;

namespace Episodic.Llm.Caching;

/// <summary>
/// What identifies a cached answer: backend, model, prompt version and the exact input. M.E.AI's own cache key
/// ignores provider and model, so answers from different models would collide; this one cannot.
/// </summary>
public sealed record CacheKey(string Backend, string Model, string PromptVersion, string Input)
{
    /// <summary>SHA-256 of the four parts; the stored key (the input itself is kept beside it for inspection).</summary>
    public string Hash { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Backend}\n{Model}\n{PromptVersion}\n{Input}")));
}

/// <summary>Counts for <c>episodic cache stats</c> and the run summary.</summary>
public sealed record CacheStats(long Entries, long Hits, long Misses, long Bytes, string? Path);

/// <summary>A store of validated parse answers. Implementations are thread-safe.</summary>
public interface IParseCache : IDisposable
{
    bool TryGet(CacheKey key, out EpisodeParse result);

    void Store(CacheKey key, EpisodeParse result);

    CacheStats Stats();

    void Clear();
}
