namespace Episodic.Tests.Docs;

/// <summary>What a <c>&lt;!-- doctest: KIND --&gt;</c> marker asks of the fenced block after it.</summary>
internal enum DocBlockKind
{
    /// <summary>A fenced block with no marker (allowed only for languages other than sh/console).</summary>
    None,

    /// <summary>A shell script: runs in a sandbox and must exit with <c>exit=N</c> (default 0).</summary>
    Run,

    /// <summary>The expected output of the run or request block before it.</summary>
    Output,

    /// <summary>curl lines sent with HttpClient to a real <c>episodic serve</c> process.</summary>
    Request,

    /// <summary>A file written into the sandbox (<c>path="..."</c>) before the doc's later run blocks.</summary>
    File,

    /// <summary>Not run (<c>reason="..."</c> says why, and the test reports it as skipped).</summary>
    Skip,
}

/// <summary>
/// One fenced block of a markdown doc with the marker in front of it. <see cref="Index"/> (its ordinal among the doc's
/// fenced blocks) names it in test cases, so the name survives an update that changes line counts.
/// </summary>
internal sealed record DocBlock(
    string Doc,
    int Index,
    int FenceLine,
    string Language,
    DocBlockKind Kind,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Lines)
{
    public string Content => string.Join('\n', Lines);

    public string Id => $"{Doc}#{Index}";

    public string Attribute(string name, string fallback) => Attributes.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>Shell blocks are the ones a reader copies into a terminal, so they must carry a marker.</summary>
    public bool IsShell => Language is "sh" or "console" or "bash" or "shell";
}
