using System.Diagnostics;

namespace Episodic.Tests.Docs;

/// <summary>
/// A temp folder a doc example runs in, laid out like the repository root for the parts examples read: a copy of
/// samples/ (examples may move files), a second copy of samples/library as ~/Downloads (the folder the examples file
/// from), testdata/ and bench/ (the measuring scripts the performance examples call) linked read-only, and bin/episodic, a script that runs the built CLI
/// (episodic.dll beside the tests) so <c>episodic</c> in a command line is the real tool. It is also $HOME.
/// </summary>
internal sealed class DocSandbox : IDisposable
{
    public DocSandbox()
    {
        Root = Directory.CreateTempSubdirectory("episodic-doctest-").FullName;
        Copy(Path.Combine(TestPaths.RepoRoot, "samples"), Path.Combine(Root, "samples"));
        Copy(Path.Combine(TestPaths.RepoRoot, "samples", "library"), Path.Combine(Root, "Downloads"));
        Environment["HOME"] = Root;
        Environment["PATH"] = Path.Combine(Root, "bin") + ":" + System.Environment.GetEnvironmentVariable("PATH");
        Environment["COLUMNS"] = "120";
        Environment["LANG"] = "C.UTF-8";
        Environment[global::Episodic.Routing.Journal.JournalKey.FileVariable] = System.Environment.GetEnvironmentVariable(global::Episodic.Routing.Journal.JournalKey.FileVariable) ?? "";
        File.CreateSymbolicLink(Path.Combine(Root, "testdata"), Path.Combine(TestPaths.RepoRoot, "testdata"));
        File.CreateSymbolicLink(Path.Combine(Root, "bench"), Path.Combine(TestPaths.RepoRoot, "bench"));
        var bin = Directory.CreateDirectory(Path.Combine(Root, "bin")).FullName;
        var shim = Path.Combine(bin, "episodic");
        File.WriteAllText(shim, $"#!/bin/sh\nexec '{Dotnet}' '{Path.Join(AppContext.BaseDirectory, "episodic.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Root { get; }

    private static string Dotnet => System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// The variables a run sees on top of the test's (without EPISODIC_* or any LLM key): $HOME here, COLUMNS=120, the
    /// test run's journal key; a test adds the fakes' addresses.
    /// </summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs a block's script with /bin/sh -e, stderr merged into stdout as a terminal shows them.</summary>
    public async Task<(int Exit, string Output)> RunAsync(string script, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec 2>&1\nset -e\n" + script);
        foreach (var key in start.Environment.Keys.Where(IsPrivate).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(Xunit.TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Xunit.TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the example did not finish within {timeout}");
        }

        return (process.ExitCode, await output.ConfigureAwait(false));
    }

    private static bool IsPrivate(string variable) =>
        variable.StartsWith("EPISODIC_", StringComparison.Ordinal)
        || variable.EndsWith("_API_KEY", StringComparison.Ordinal)
        || variable.EndsWith("_BASE_URL", StringComparison.Ordinal)
        || variable is "OLLAMA_HOST" or "COLUMNS";

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open by a killed run; the temp folder is cleaned by the OS
        }
    }
}
