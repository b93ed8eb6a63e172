using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Xunit;

namespace Episodic.Tests;

/// <summary>Runs the reference scorer (tools/score.py) with python3; tests skip when python3 is not on PATH.</summary>
internal static class PythonScorer
{
    private static readonly Lazy<bool> Available = new(Probe);

    /// <summary>Per-row verdicts from score.py's own judge(); the results file may repeat the corpus several times.</summary>
    private const string JudgeRowsScript = """
        import sys, json
        sys.path.insert(0, sys.argv[1])
        import score
        rows = list(score.read_tsv(sys.argv[2]))
        with open(sys.argv[3], encoding='utf-8') as f:
            res = [json.loads(l) for l in f if l.strip()]
        out = []
        for i, r in enumerate(res):
            row = rows[i % len(rows)]
            out.append(None if 'expect_parse_only' in row.get('notes', '') else score.judge(row, r))
        print(json.dumps(out))
        """;

    private const string NormTitleScript = """
        import sys, json
        sys.path.insert(0, sys.argv[1])
        import score
        with open(sys.argv[2], encoding='utf-8') as f:
            titles = json.load(f)
        print(json.dumps([score.norm_title(t) for t in titles]))
        """;

    public static void SkipIfUnavailable()
    {
        if (!Available.Value)
        {
            Assert.Skip("python3 is not on PATH; the agreement with tools/score.py cannot be checked here.");
        }
    }

    /// <summary><c>score.py CORPUS RESULTS --json</c>: the summary document.</summary>
    public static string ScoreJson(string corpus, string results) => Run(TestPaths.ScorePy, corpus, results, "--json");

    public static string JudgeRows(string corpus, string results) =>
        Run("-c", JudgeRowsScript, Path.GetDirectoryName(TestPaths.ScorePy)!, corpus, results);

    public static string NormTitles(string titlesJsonFile) =>
        Run("-c", NormTitleScript, Path.GetDirectoryName(TestPaths.ScorePy)!, titlesJsonFile);

    private static string Run(params string[] args)
    {
        var psi = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("python3 did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout;
    }

    private static bool Probe()
    {
        try
        {
            Run("-c", "import sys; assert sys.version_info >= (3, 6)");
            return true;
        }
        catch (Win32Exception)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
