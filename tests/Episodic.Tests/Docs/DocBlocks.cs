using System.Text.RegularExpressions;

namespace Episodic.Tests.Docs;

/// <summary>
/// Reads the fenced blocks of README.md and docs/*.md with their doctest markers. A marker is an HTML comment (invisible
/// on GitHub) on the line before the fence, blank lines allowed between: <c>&lt;!-- doctest: run exit=2 --&gt;</c>.
/// </summary>
internal static partial class DocBlocks
{
    /// <summary>The docs whose examples are checked, as paths relative to the repository root.</summary>
    public static IEnumerable<string> Docs() =>
        Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md")
                .Select(p => "docs/" + Path.GetFileName(p))
                .Order(StringComparer.Ordinal)
                .Prepend("README.md");

    public static IReadOnlyList<DocBlock> Read(string doc) => Parse(doc, File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, doc)));

    public static IReadOnlyList<DocBlock> Parse(string doc, IReadOnlyList<string> lines)
    {
        var blocks = new List<DocBlock>();
        (DocBlockKind Kind, Dictionary<string, string> Attributes)? marker = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var m = MarkerPattern().Match(line);
            if (m.Success)
            {
                marker = (Enum.Parse<DocBlockKind>(m.Groups["kind"].Value, ignoreCase: true), ReadAttributes(m.Groups["attrs"].Value));
                continue;
            }

            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                if (line.Trim().Length > 0)
                {
                    marker = null; // a marker applies only to the fence right after it
                }

                continue;
            }

            var fence = i;
            var body = new List<string>();
            for (i++; i < lines.Count && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            blocks.Add(new DocBlock(doc, blocks.Count, fence + 1, line[3..].Trim(), marker?.Kind ?? DocBlockKind.None, marker?.Attributes ?? [], body));
            marker = null;
        }

        return blocks;
    }

    private static Dictionary<string, string> ReadAttributes(string text) =>
        AttributePattern().Matches(text).ToDictionary(a => a.Groups["name"].Value, a => a.Groups["value"].Success ? a.Groups["value"].Value : a.Groups["bare"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*<!--\s*doctest:\s*(?<kind>run|output|request|file|skip)\b(?<attrs>.*?)-->\s*$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"(?<name>[a-z]+)=(?:""(?<value>[^""]*)""|(?<bare>\S+))")]
    private static partial Regex AttributePattern();
}
