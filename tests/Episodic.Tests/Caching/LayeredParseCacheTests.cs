using System.Diagnostics.Metrics;
using Episodic.Llm.Caching;
using Episodic.Llm.Metrics;
using Xunit;

namespace Episodic.Tests.Caching;

public sealed class LayeredParseCacheTests : IDisposable
{
    private readonly TempCacheDir _dir = new();
    private readonly OwnMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly List<string> _events = [];

    public LayeredParseCacheTests()
    {
        // Listen only to this test's meter, so parallel tests recording cache metrics do not leak in.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_meters.Created.Contains(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var layer = tags.ToArray().FirstOrDefault(t => t.Key == "layer").Value;
            lock (_events)
            {
                _events.Add(layer is null ? instrument.Name : $"{instrument.Name}:{layer}");
            }
        });
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
        _dir.Dispose();
    }

    private static CacheKey Key(string input) => new("mock", "m1", "v1", input);

    [Fact]
    public void Memory_then_sqlite_then_miss_with_metrics()
    {
        using var metrics = new EpisodicMetrics(_meters);
        using (var first = LayeredParseCache.Open(_dir.Path, memoryEntries: 10, ttl: null, metrics))
        {
            first.Store(Key("a"), Parses.Full("a"));
            Assert.True(first.TryGet(Key("a"), out _)); // memory
        }

        using var second = LayeredParseCache.Open(_dir.Path, memoryEntries: 10, ttl: null, metrics);
        Assert.True(second.TryGet(Key("a"), out var fromDisk)); // sqlite, promoted
        Assert.True(second.TryGet(Key("a"), out _)); // memory now
        Assert.False(second.TryGet(Key("b"), out _));

        Assert.Equal("SubsPlease", fromDisk.ReleaseGroup);
        Assert.Equal(
            ["episodic.cache.hits:memory", "episodic.cache.hits:sqlite", "episodic.cache.hits:memory", "episodic.cache.misses"],
            _events);
        var stats = second.Stats();
        Assert.Equal(2, stats.Hits);
        Assert.Equal(1, stats.Misses);
        Assert.Equal(1, stats.Entries);
        Assert.Equal(_dir.DbPath, stats.Path);
    }

    [Fact]
    public void Clear_empties_both_layers()
    {
        using var cache = LayeredParseCache.Open(_dir.Path, memoryEntries: 10, ttl: null);
        cache.Store(Key("a"), Parses.Sparse("a"));

        cache.Clear();

        Assert.False(cache.TryGet(Key("a"), out _));
        Assert.Equal(0, cache.Stats().Entries);
    }

    private sealed class OwnMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in Created)
            {
                meter.Dispose();
            }
        }
    }
}
