using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Episodic.Server.Pages;

/// <summary>
/// The outcome of a form post, kept for the page the post redirects to (post/redirect/get): the redirect names it by a
/// random id, so a crafted link cannot make a page claim an outcome that never happened. Read once; at most a few
/// hundred kept.
/// </summary>
internal sealed class UiFlash
{
    private const int Max = 256;

    private readonly ConcurrentDictionary<string, (IReadOnlyList<string> Lines, long Order)> _messages = new(StringComparer.Ordinal);

    private long _order;

    /// <summary>Keeps the lines and returns the id the redirect carries.</summary>
    public string Put(IReadOnlyList<string> lines)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        _messages[id] = (lines, Interlocked.Increment(ref _order));
        if (_messages.Count > Max)
        {
            foreach (var (old, _) in _messages.OrderBy(m => m.Value.Order).Take(_messages.Count - Max))
            {
                _messages.TryRemove(old, out _);
            }
        }

        return id;
    }

    /// <summary>The lines kept under <paramref name="id"/> (removed as they are read); none for an unknown id.</summary>
    public IReadOnlyList<string> Take(string? id) =>
        id is { Length: > 0 } && _messages.TryRemove(id, out var found) ? found.Lines : [];
}
