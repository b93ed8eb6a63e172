using Episodic.Core.Evaluation;

namespace Episodic.Bench;

/// <summary>The union of the names in testdata/corpus/dev/*.tsv, found by walking up from the binary or the working folder.</summary>
public static class CorpusNames
{
    private static readonly Lazy<string[]> Names = new(Load);

    public static string[] All => Names.Value;

    private static string[] Load()
    {
        var dir = FindCorpusDir() ?? throw new DirectoryNotFoundException("testdata/corpus/dev not found above the binary or the working folder");
        return [.. Directory.GetFiles(dir, "*.tsv")
            .Order(StringComparer.Ordinal)
            .SelectMany(CorpusReader.Read)
            .Select(r => r.Filename)
            .Distinct(StringComparer.Ordinal)];
    }

    private static string? FindCorpusDir()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "testdata", "corpus", "dev");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
