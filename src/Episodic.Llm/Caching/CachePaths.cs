namespace Episodic.Llm.Caching;

/// <summary>Where the parse cache lives by default, following each platform's convention for disposable data.</summary>
public static class CachePaths
{
    public const string FileName = "parse-cache.db";

    /// <summary>The default cache file: <c>$XDG_CACHE_HOME/episodic/parse-cache.db</c> (else <c>~/.cache/episodic/…</c>) on
    /// Linux and macOS, <c>%LOCALAPPDATA%\Episodic\parse-cache.db</c> on Windows.</summary>
    public static string Default() => Path.Combine(DefaultDirectory(), FileName);

    /// <summary>The cache file in <paramref name="directory"/>, or <see cref="Default"/> when it is null or blank.</summary>
    public static string ForDirectory(string? directory) =>
        string.IsNullOrWhiteSpace(directory) ? Default() : Path.Combine(Path.GetFullPath(directory), FileName);

    public static string DefaultDirectory() => DefaultDirectory(Environment.GetEnvironmentVariable, OperatingSystem.IsWindows());

    /// <summary>The testable core: environment lookup and platform are parameters.</summary>
    public static string DefaultDirectory(Func<string, string?> environment, bool windows)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (windows)
        {
            var local = environment("LOCALAPPDATA");
            if (string.IsNullOrEmpty(local))
            {
                local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            }

            return Path.Combine(local, "Episodic");
        }

        // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        var xdg = environment("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "episodic");
        }

        var home = environment("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return Path.Combine(home, ".cache", "episodic");
    }
}
