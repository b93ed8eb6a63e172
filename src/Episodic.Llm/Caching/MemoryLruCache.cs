using Episodic.Core.Model;

namespace Episodic.Llm.Caching;

/// <summary>
/// A bounded in-process cache that evicts the least recently used answer. A linked list keeps recency order and a
/// dictionary finds the node, so get and set are O(1); one lock guards both because they must change together.
/// </summary>
public sealed class MemoryLruCache : IParseCache
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _index;
    private readonly LinkedList<Entry> _order = new(); // most recent first
    private readonly Lock _gate = new();
    private long _hits;
    private long _misses;
    private readonly TimeProvider _time;

    /// <param name="capacity">Entries kept; 0 keeps nothing (every lookup misses).</param>
    /// <param name="time">The clock negative entries expire by.</param>
    public MemoryLruCache(int capacity, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _time = time ?? TimeProvider.System;
        _index = new Dictionary<string, LinkedListNode<Entry>>(Math.Min(capacity, 1024), StringComparer.Ordinal);
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    public bool TryGet(CacheKey key, out EpisodeParse result)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_index.TryGetValue(key.Hash, out var node) && node.Value.Expires is { } expires && expires <= _time.GetUtcNow())
            {
                _order.Remove(node);
                _index.Remove(key.Hash);
            }
            else if (node is not null)
            {
                // A read counts as a use: move to the front so it is evicted last.
                _order.Remove(node);
                _order.AddFirst(node);
                _hits++;
                result = node.Value.Value;
                return true;
            }

            _misses++;
        }

        result = null!;
        return false;
    }

    public void Store(CacheKey key, EpisodeParse result) => Add(key, result, null);

    public void StoreNegative(CacheKey key, EpisodeParse fallback, string reason, DateTimeOffset expires) => Add(key, fallback, expires);

    private void Add(CacheKey key, EpisodeParse result, DateTimeOffset? expires)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(result);
        if (Capacity == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_index.TryGetValue(key.Hash, out var existing))
            {
                _order.Remove(existing);
                _index.Remove(key.Hash);
            }
            else if (_index.Count >= Capacity)
            {
                var oldest = _order.Last!;
                _order.RemoveLast();
                _index.Remove(oldest.Value.Hash);
            }

            _index[key.Hash] = _order.AddFirst(new Entry(key.Hash, result, expires));
        }
    }

    /// <summary>Entries and this process's hits/misses; an in-memory cache has no file, so Bytes is 0 and Path null.</summary>
    public CacheStats Stats()
    {
        lock (_gate)
        {
            var negative = _index.Values.Count(n => n.Value.Expires is not null);
            return new CacheStats(_index.Count - negative, _hits, _misses, 0, null, negative);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _index.Clear();
            _order.Clear();
        }
    }

    public void Dispose() => Clear();

    /// <summary>A cached answer; <paramref name="Expires"/> is set for negative entries only.</summary>
    private readonly record struct Entry(string Hash, EpisodeParse Value, DateTimeOffset? Expires);
}
