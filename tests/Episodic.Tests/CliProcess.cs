using System.Diagnostics;
using Xunit;

namespace Episodic.Tests;

/// <summary>
/// The built CLI (episodic.dll beside the tests) as a real second process: in a given folder, without any EPISODIC_*
/// variable from the test's environment (but the test run's journal key) unless passed in <c>environment</c>.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private CliProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        _stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <param name="executable">A native <c>episodic</c> to run instead of <c>dotnet episodic.dll</c> (NativeCliTests).</param>
    public static CliProcess Start(IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, string? executable = null)
    {
        var start = new ProcessStartInfo(executable ?? (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (executable is null)
        {
            start.ArgumentList.Add(Path.Join(AppContext.BaseDirectory, "episodic.dll"));
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("EPISODIC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        // The journal key is the test run's own (TestJournalKey), so this process and the CLI trust the same journals.
        start.Environment[global::Episodic.Routing.Journal.JournalKey.FileVariable] = Environment.GetEnvironmentVariable(global::Episodic.Routing.Journal.JournalKey.FileVariable);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>Runs to the end (killed and failed after <paramref name="timeout"/>, default 2 minutes on a loaded machine).</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? executable = null)
    {
        using var process = Start(args, workingDirectory, environment, executable);
        return await process.WaitAsync(timeout).ConfigureAwait(false);
    }

    public async Task<(int Exit, string Stdout, string Stderr)> WaitAsync(TimeSpan? timeout = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"the CLI did not exit within {timeout ?? TimeSpan.FromMinutes(2)}; stderr so far is not available");
        }

        return (_process.ExitCode, await _stdout.ConfigureAwait(false), await _stderr.ConfigureAwait(false));
    }

    /// <summary>
    /// Sends a real signal (SIGINT is what Ctrl+C sends) with libc's kill(2): at once, so a fast run is still in
    /// progress when it arrives (starting the kill command took longer than a quiet machine needs to finish a run).
    /// </summary>
    public void Signal(int signal) => Assert.Equal(0, Kill(Id, signal));

    /// <summary>
    /// True when this process ignores <paramref name="signal"/> (Linux /proc/self/status SigIgn). A program started in
    /// the background by a non-interactive shell ignores SIGINT, and its children inherit that, so they cannot be
    /// interrupted with it.
    /// </summary>
    public static bool Ignores(int signal)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return false;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << (signal - 1))) != 0;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
