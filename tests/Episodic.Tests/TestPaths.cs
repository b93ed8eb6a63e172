namespace Episodic.Tests;

/// <summary>Locates the repository root (for tools/score.py) and the dev corpora copied next to the tests.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ScorePy => Path.Combine(RepoRoot, "tools", "score.py");

    public static string DevCorpusDir
    {
        get
        {
            var copied = Path.Combine(AppContext.BaseDirectory, "testdata", "corpus", "dev");
            return Directory.Exists(copied) ? copied : Path.Combine(RepoRoot, "testdata", "corpus", "dev");
        }
    }

    public static string DevCorpus(string fileName) => Path.Combine(DevCorpusDir, fileName);

    public static IEnumerable<string> DevCorpusNames() =>
        Directory.GetFiles(DevCorpusDir, "*.tsv").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tools", "score.py")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder containing tools/score.py above {AppContext.BaseDirectory}");
    }
}
