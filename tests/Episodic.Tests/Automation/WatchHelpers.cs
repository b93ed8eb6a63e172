using Xunit;

namespace Episodic.Tests.Automation;

/// <summary>
/// What the tests of a real <c>episodic watch</c> process share: its stop signal, the videos it has filed, and a poll
/// for a condition (the watcher works in the background, so a test can only wait for its effect, up to a limit).
/// </summary>
internal static class WatchHelpers
{
    /// <summary>SIGTERM: the signal a service manager stops the watcher with.</summary>
    public const int SigTerm = 15;

    /// <summary>Every video under <paramref name="library"/>; none while the library does not exist yet.</summary>
    public static List<string> Videos(string library) =>
        Directory.Exists(library) ? [.. Directory.EnumerateFiles(library, "*.mkv", SearchOption.AllDirectories)] : [];

    /// <summary>Whether <paramref name="condition"/> held within <paramref name="within"/>, checked every 100 ms.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return condition();
    }
}
