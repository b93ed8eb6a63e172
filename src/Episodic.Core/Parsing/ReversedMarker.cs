namespace Episodic.Core.Parsing;

/// <summary>
/// Finds a scene marker written backwards ("10E10S" in "10E10S.esaeleR.emoS"): a digit, an 'E', one to three digits
/// and an 'S'. Asked of every name the rules read weakly, so it is a scan for 'E' rather than a regex (runner set-up
/// and timeout bookkeeping were a per cent of a parse for an answer that is almost always no). A test holds it to the
/// regex <c>\d{1,3}E\d{1,3}S</c> over the dev names and generated ones.
/// </summary>
internal static class ReversedMarker
{
    public static bool IsIn(ReadOnlySpan<char> name)
    {
        // The first 'E' may stand at index 1 at the earliest (a digit before it) and needs a digit and an 'S' after.
        for (var i = name.IndexOf('E'); i >= 0; i = NextE(name, i))
        {
            if (i == 0 || !char.IsDigit(name[i - 1]))
            {
                continue;
            }

            // Digits after the 'E': one to three, then the 'S' (a fourth digit is not an 'S', so a longer run fails).
            var run = 0;
            while (i + 1 + run < name.Length && char.IsDigit(name[i + 1 + run]))
            {
                run++;
            }

            if (run is >= 1 and <= 3 && i + 1 + run < name.Length && name[i + 1 + run] == 'S')
            {
                return true;
            }
        }

        return false;
    }

    private static int NextE(ReadOnlySpan<char> name, int i)
    {
        var next = name[(i + 1)..].IndexOf('E');
        return next < 0 ? -1 : i + 1 + next;
    }
}
