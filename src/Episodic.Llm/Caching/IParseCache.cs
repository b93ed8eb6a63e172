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

/// <summary>
/// Counts for <c>episodic cache stats</c> and the run summary: <paramref name="Entries"/> validated answers, and apart
/// from them <paramref name="NegativeEntries"/> remembered rejections (not yet expired).
/// </summary>
public sealed record CacheStats(long Entries, long Hits, long Misses, long Bytes, string? Path, long NegativeEntries = 0);

/// <summary>
/// A store of validated parse answers and, apart from them, of remembered rejections (negative entries: the model's
/// answer for this key failed validation, so asking again soon would pay for the same rejection). Implementations
/// are thread-safe.
/// </summary>
public interface IParseCache : IDisposable
{
    /// <summary>A validated answer, or for a negative entry the rules' fallback that stood in for the rejected answer.</summary>
    bool TryGet(CacheKey key, out EpisodeParse result);

    void Store(CacheKey key, EpisodeParse result);

    /// <summary>Remembers that the answer for <paramref name="key"/> was rejected, why, and until when (then the name is asked again).</summary>
    void StoreNegative(CacheKey key, EpisodeParse fallback, string reason, DateTimeOffset expires);

    CacheStats Stats();

    void Clear();
}
