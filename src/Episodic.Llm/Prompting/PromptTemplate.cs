using System.Text;

namespace Episodic.Llm.Prompting;

/// <summary>
/// A prompt file: a version line, a system part and a user part. Placeholders are written &lt;&lt;name&gt;&gt; so they can
/// never collide with JSON braces in the text or in the values.
/// </summary>
public sealed record PromptTemplate(string Name, string Version, string System, string User)
{
    private const string SystemMarker = "---system---";
    private const string UserMarker = "---user---";

    public static PromptTemplate Parse(string name, string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var firstLine = normalised.Split('\n', 2)[0].Trim();
        if (!firstLine.StartsWith("version:", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"Prompt '{name}' must start with a 'version: ...' line.");
        }

        var system = normalised.IndexOf(SystemMarker, StringComparison.Ordinal);
        var user = normalised.IndexOf(UserMarker, StringComparison.Ordinal);
        if (system < 0 || user < system)
        {
            throw new FormatException($"Prompt '{name}' needs a '{SystemMarker}' part followed by a '{UserMarker}' part.");
        }

        return new PromptTemplate(
            name,
            firstLine["version:".Length..].Trim(),
            normalised[(system + SystemMarker.Length)..user].Trim(),
            normalised[(user + UserMarker.Length)..].Trim());
    }

    /// <summary>Replaces every &lt;&lt;key&gt;&gt; in the user part; unknown placeholders are an error, not silent text.</summary>
    public string RenderUser(IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder(User.Length + 256);
        var i = 0;
        while (i < User.Length)
        {
            var open = User.IndexOf("<<", i, StringComparison.Ordinal);
            if (open < 0)
            {
                sb.Append(User, i, User.Length - i);
                break;
            }

            var close = User.IndexOf(">>", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                sb.Append(User, i, User.Length - i);
                break;
            }

            sb.Append(User, i, open - i);
            var key = User[(open + 2)..close];
            if (!values.TryGetValue(key, out var value))
            {
                throw new KeyNotFoundException($"Prompt '{Name}' uses <<{key}>> but no value was given for it.");
            }

            sb.Append(value);
            i = close + 2;
        }

        return sb.ToString().Trim();
    }
}
