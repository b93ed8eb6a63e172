using System.Runtime.CompilerServices;
using Episodic.Routing.Journal;

namespace Episodic.Tests;

/// <summary>
/// The tests sign journals with a key of their own, never the user's (~/.config/episodic/journal.key): the variable
/// is set before any test runs, and <see cref="CliProcess"/> passes it to the CLI processes it starts.
/// </summary>
internal static class TestJournalKey
{
    public static string Path { get; } = System.IO.Path.Join(System.IO.Path.GetTempPath(), $"episodic-tests-{Environment.ProcessId}-{Guid.NewGuid():N}", "journal.key");

    [ModuleInitializer]
    internal static void Use()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(JournalKey.FileVariable)))
        {
            Environment.SetEnvironmentVariable(JournalKey.FileVariable, Path);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveFolder();
        }
    }

    /// <summary>Deletes the test key's folder when the test run ends, so runs leave nothing in the temp folder.</summary>
    private static void RemoveFolder()
    {
        try
        {
            var folder = System.IO.Path.GetDirectoryName(Path)!;
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
