using System.Collections;

namespace Episodic.Core.Parsing;

/// <summary>
/// The doubts a reading collected, in the order the rules raised them (the reasoning names them in that order). Every
/// name had a hash set for this, most of them empty: here a bit per doubt says which are present and four bits per
/// place keep the order, so the set is one small object and never grows. Holds the sixteen <see cref="Doubt"/> values
/// (a test walks the enum and fails when a seventeenth is added).
/// </summary>
internal sealed class DoubtSet : IReadOnlyCollection<Doubt>
{
    /// <summary>How many distinct doubts fit: four bits of order per doubt in one <see cref="ulong"/>.</summary>
    public const int Capacity = 16;

    private uint _present;
    private ulong _order;

    public int Count { get; private set; }

    /// <summary>Adds the doubt unless it is there already; false when it was (as <see cref="HashSet{T}.Add"/>).</summary>
    public bool Add(Doubt doubt)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)doubt, (uint)Capacity, nameof(doubt));
        var bit = 1u << (int)doubt;
        if ((_present & bit) != 0)
        {
            return false;
        }

        _present |= bit;
        _order |= (ulong)doubt << (4 * Count);
        Count++;
        return true;
    }

    public bool Contains(Doubt doubt) => (uint)doubt < Capacity && (_present & (1u << (int)doubt)) != 0;

    public Enumerator GetEnumerator() => new(_order, Count);

    IEnumerator<Doubt> IEnumerable<Doubt>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the doubts in the order they were added, without allocating.</summary>
    public struct Enumerator(ulong order, int count) : IEnumerator<Doubt>
    {
        private int _index = -1;

        public readonly Doubt Current => (Doubt)((order >> (4 * _index)) & 0xF);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
