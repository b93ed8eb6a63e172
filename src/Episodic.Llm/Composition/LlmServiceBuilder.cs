using Episodic.Core.Model;
using Episodic.Llm.Caching;
using Episodic.Llm.Pipeline;

namespace Episodic.Llm.Composition;

/// <summary>
/// Composes <see cref="ILlmService"/> decorators the way <c>ChatClientBuilder</c> composes chat clients: the first
/// <c>Use</c> is the outermost layer. The composition root uses it as <c>UseDedup().UseCache(…)</c>, so concurrent
/// callers of one name share a single cache lookup and a single provider call.
/// </summary>
public sealed class LlmServiceBuilder(ILlmService innerService)
{
    private readonly List<Func<ILlmService, ILlmService>> _layers = [];

    /// <summary>Adds a layer; it wraps every layer added after it.</summary>
    public LlmServiceBuilder Use(Func<ILlmService, ILlmService> layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        _layers.Add(layer);
        return this;
    }

    /// <summary>
    /// Answers from <paramref name="cache"/> when it is not null; keys carry backend, model and prompt version.
    /// Rejected answers are remembered for <paramref name="negativeTtl"/> (default <see cref="CacheOptions.DefaultNegativeTtl"/>).
    /// </summary>
    public LlmServiceBuilder UseCache(IParseCache? cache, AnswerSource source, string promptVersion, TimeSpan? negativeTtl = null, TimeProvider? time = null) =>
        cache is null ? this : Use(inner => new CachingLlmService(inner, cache, source, promptVersion, negativeTtl ?? CacheOptions.DefaultNegativeTtl, time));

    /// <summary>In-flight deduplication when <paramref name="enabled"/>.</summary>
    public LlmServiceBuilder UseDedup(bool enabled = true) => enabled ? Use(inner => new DedupingLlmService(inner)) : this;

    public ILlmService Build()
    {
        var service = innerService;
        for (var i = _layers.Count - 1; i >= 0; i--)
        {
            service = _layers[i](service);
        }

        return service;
    }
}
