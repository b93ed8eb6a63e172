namespace Episodic.Tests.Configuration;

/// <summary>Shared inputs for the configuration tests: an injectable environment and the testdata/config folder.</summary>
internal static class ConfigTestData
{
    /// <summary>An empty environment, so the machine running the tests cannot leak OPENAI_API_KEY and the like in.</summary>
    public static Dictionary<string, string?> NoEnv() => new(StringComparer.Ordinal);

    public static Dictionary<string, string?> Env(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => (string?)v.Value, StringComparer.Ordinal);

    public static string Dir
    {
        get
        {
            var copied = Path.Combine(AppContext.BaseDirectory, "testdata", "config");
            return Directory.Exists(copied) ? copied : Path.Combine(TestPaths.RepoRoot, "testdata", "config");
        }
    }

    public static string File(string name) => Path.Combine(Dir, name);

    public static string MigrationDoc => Path.Combine(TestPaths.RepoRoot, "docs", "migrating-from-sync2nas.md");
}
