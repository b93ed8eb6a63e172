using System.Text;
using Xunit;

namespace Episodic.Tests.Docs;

/// <summary>
/// Runs the examples in README.md and docs/*.md, so the docs cannot drift from the tool. A fenced block is preceded by
/// an HTML comment marker that says what to do with it:
/// <list type="bullet">
/// <item><c>&lt;!-- doctest: run --&gt;</c> (or <c>run exit=N</c>): a shell script run with <c>sh -e</c> in a sandbox
/// (<see cref="DocSandbox"/>: a copy of samples/, testdata/, $HOME, COLUMNS=120, <c>episodic</c> = the built CLI as a
/// real process); it must exit 0 (or N).</item>
/// <item><c>&lt;!-- doctest: request --&gt;</c>: curl lines sent with HttpClient to a real <c>episodic serve</c>
/// process the test starts (extra serve arguments in <c>serve="..."</c>; the block's other lines, such as the serve
/// command shown to the reader, are not run); every answer must be a success. <c>setup="..."</c> is a shell line run in
/// the sandbox before the server starts (to hold an item for the review queue, say).</item>
/// <item><c>fakes="tvmaze,tmdb"</c> on a run or request marker points the CLI at in-process fakes (<see cref="DocFakes"/>).</item>
/// <item><c>&lt;!-- doctest: output --&gt;</c>: the expected output of the run/request block before it, compared after
/// <see cref="DocOutput.Normalise"/> (placeholders for the sandbox, timestamps, journal ids, durations, pids); a
/// <c>json</c> block holding one JSON value is compared as JSON, so the doc may indent it.</item>
/// <item><c>&lt;!-- doctest: file path="x.ini" --&gt;</c>: written into the sandbox before the doc's later blocks run.</item>
/// <item><c>&lt;!-- doctest: skip reason="..." --&gt;</c>: reported as skipped with the reason.</item>
/// </list>
/// Every sh/console block must carry a marker (<see cref="Every_shell_block_has_a_marker"/>), so a new example cannot
/// go untested. When the tool's output changes on purpose, run with <c>EPISODIC_DOCTEST_UPDATE=1</c>: each output block
/// that no longer matches is rewritten in place from the actual output (JSON keeps the doc's elisions; review the
/// diff); a block that still matches keeps its hand formatting, and an example that fails to run still fails.
/// </summary>
public sealed class DocExampleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static bool Update => Environment.GetEnvironmentVariable("EPISODIC_DOCTEST_UPDATE") == "1";

    /// <summary>README.md's examples; docs/*.md's run in <see cref="DocsFolderExampleTests"/>, in parallel with these.</summary>
    public static TheoryData<string> Examples() => ExamplesOf(doc => doc == "README.md");

    internal static TheoryData<string> ExamplesOf(Func<string, bool> docs)
    {
        var data = new TheoryData<string>();
        foreach (var block in DocBlocks.Docs().Where(docs).SelectMany(DocBlocks.Read))
        {
            if (block.Kind is DocBlockKind.Run or DocBlockKind.Request or DocBlockKind.Skip)
            {
                data.Add(block.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public Task Example_runs_as_documented(string id) => RunExampleAsync(id);

    internal static async Task RunExampleAsync(string id)
    {
        var doc = id[..id.IndexOf('#', StringComparison.Ordinal)];
        var blocks = DocBlocks.Read(doc);
        var block = blocks[int.Parse(id[(id.IndexOf('#', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture)];
        if (block.Kind == DocBlockKind.Skip)
        {
            Assert.Skip($"{doc}:{block.FenceLine}: {block.Attribute("reason", "no reason given")}");
        }

        using var sandbox = new DocSandbox();
        foreach (var file in blocks.Take(block.Index).Where(b => b.Kind == DocBlockKind.File))
        {
            File.WriteAllText(Path.Combine(sandbox.Root, file.Attribute("path", "")), file.Content + "\n");
        }

        using var fakes = new DocFakes(block.Attribute("fakes", ""), sandbox.Root);
        foreach (var (key, value) in fakes.Environment)
        {
            sandbox.Environment[key] = value;
        }

        var actual = block.Kind == DocBlockKind.Run
            ? await RunAsync(block, sandbox)
            : await RequestAsync(block, sandbox);

        var expected = block.Index + 1 < blocks.Count && blocks[block.Index + 1].Kind == DocBlockKind.Output ? blocks[block.Index + 1] : null;
        if (expected is null)
        {
            return;
        }

        if (Update && !Same(expected, actual))
        {
            Rewrite(expected, Shape(actual, expected));
            return;
        }

        Assert.True(
            Same(expected, actual),
            $"{doc}:{expected.FenceLine}: the output shown is stale (EPISODIC_DOCTEST_UPDATE=1 rewrites it).\n--- doc\n{expected.Content}\n--- actual\n{actual}");
    }

    private static async Task<string> RunAsync(DocBlock block, DocSandbox sandbox)
    {
        var (exit, output) = await sandbox.RunAsync(block.Content, Timeout);
        var text = DocOutput.FromRun(output, sandbox.Root);
        Assert.True(
            exit.ToString(System.Globalization.CultureInfo.InvariantCulture) == block.Attribute("exit", "0"),
            $"{block.Doc}:{block.FenceLine}: exit {exit}, the doc expects {block.Attribute("exit", "0")}\n{text}");
        return text;
    }

    private static async Task<string> RequestAsync(DocBlock block, DocSandbox sandbox)
    {
        if (block.Attribute("setup", "") is { Length: > 0 } setup)
        {
            var (exit, output) = await sandbox.RunAsync(setup, Timeout);
            Assert.True(exit == 0, $"{block.Doc}:{block.FenceLine}: the setup exited {exit}\n{output}");
        }

        var url = new Uri($"http://127.0.0.1:{Fakes.FakeHttp.FreePort()}/");
        var args = new List<string> { "serve", "--urls", url.ToString().TrimEnd('/') };
        args.AddRange(CurlCommand.ShellWords(block.Attribute("serve", "")));
        using var server = CliProcess.Start(args, sandbox.Root, sandbox.Environment);
        using var http = new HttpClient { Timeout = Timeout };
        await WaitUntilLiveAsync(http, url, server);

        var answers = new List<string>();
        foreach (var line in CurlCommand.Commands(block.Lines))
        {
            using var request = CurlCommand.Parse(line).ToRequest(url);
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{block.Doc}:{block.FenceLine}: {line.Trim()} answered {(int)response.StatusCode}: {body}");
            answers.Add(body);
        }

        Assert.NotEmpty(answers);
        return DocOutput.FromRun(string.Join('\n', answers), sandbox.Root);
    }

    private static async Task WaitUntilLiveAsync(HttpClient http, Uri url, CliProcess server)
    {
        var until = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < until)
        {
            Assert.False(server.HasExited, "episodic serve exited before answering /health/live");
            try
            {
                using var live = await http.GetAsync(new Uri(url, "health/live"), TestContext.Current.CancellationToken);
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail("episodic serve did not answer /health/live in time");
    }

    /// <summary>A json output block holding one value compares as JSON (<see cref="DocJson"/>); anything else as text.</summary>
    private static bool Same(DocBlock expected, string actual)
    {
        var shown = DocOutput.Normalise(expected.Content);
        var got = DocOutput.Normalise(actual);
        return expected.Language == "json" && DocJson.TryParse(shown) is { } e
            ? DocJson.Matches(e, DocJson.TryParse(got))
            : shown == got;
    }

    /// <summary>The actual output as the expected block shows it: JSON keeps the doc's elisions and indentation.</summary>
    private static string Shape(string actual, DocBlock expected) =>
        expected.Language == "json" && DocJson.TryParse(expected.Content) is { } e && DocJson.TryParse(actual) is { } a
            ? DocJson.Reshape(e, a, indented: expected.Lines.Count > 1)
            : actual;

    /// <summary>Replaces the body of <paramref name="block"/> in its doc (EPISODIC_DOCTEST_UPDATE=1).</summary>
    private static void Rewrite(DocBlock block, string content)
    {
        var path = Path.Combine(TestPaths.RepoRoot, block.Doc);
        var lines = File.ReadAllLines(path).ToList();
        var current = DocBlocks.Parse(block.Doc, lines)[block.Index];
        lines.RemoveRange(current.FenceLine, current.Lines.Count);
        lines.InsertRange(current.FenceLine, content.Split('\n'));
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
    }

    [Fact]
    public void Every_shell_block_has_a_marker()
    {
        var unmarked = DocBlocks.Docs().SelectMany(DocBlocks.Read)
            .Where(b => b.IsShell && b.Kind == DocBlockKind.None)
            .Select(b => $"{b.Doc}:{b.FenceLine}")
            .ToList();
        Assert.True(unmarked.Count == 0, "shell blocks without a <!-- doctest: ... --> marker: " + string.Join(", ", unmarked));
    }

    [Fact]
    public void Every_output_block_follows_a_run_or_request_block()
    {
        foreach (var doc in DocBlocks.Docs())
        {
            var blocks = DocBlocks.Read(doc);
            foreach (var output in blocks.Where(b => b.Kind == DocBlockKind.Output))
            {
                Assert.True(
                    output.Index > 0 && blocks[output.Index - 1].Kind is DocBlockKind.Run or DocBlockKind.Request or DocBlockKind.Skip,
                    $"{doc}:{output.FenceLine}: an output block must follow a run or request block");
            }

            Assert.All(blocks.Where(b => b.Kind == DocBlockKind.File), f => Assert.NotEqual("", f.Attribute("path", "")));
        }
    }
}
