using System.Text.Json;

namespace Episodic.Llm.Answers;

/// <summary>
/// Finds the JSON in a model's reply: drops a leading &lt;think&gt;…&lt;/think&gt; block (reasoning models), code fences,
/// and any chatter around the first complete JSON object or array.
/// </summary>
public static class JsonAnswerExtractor
{
    public static bool TryExtract(string? reply, out JsonElement json, out string error)
    {
        json = default;
        if (string.IsNullOrWhiteSpace(reply))
        {
            error = "the reply was empty";
            return false;
        }

        var text = StripThinking(reply);
        var start = text.IndexOfAny(['{', '[']);
        if (start < 0)
        {
            error = "the reply held no JSON object";
            return false;
        }

        var end = FindEnd(text, start);
        if (end < 0)
        {
            error = "the JSON in the reply was cut off";
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            json = doc.RootElement.Clone();
            error = "";
            return true;
        }
        catch (JsonException ex)
        {
            error = $"the reply's JSON did not parse ({ex.Message.Split('.')[0]})";
            return false;
        }
    }

    private static string StripThinking(string reply)
    {
        var close = reply.LastIndexOf("</think>", StringComparison.OrdinalIgnoreCase);
        return close >= 0 ? reply[(close + "</think>".Length)..] : reply;
    }

    /// <summary>Index of the bracket that closes the one at <paramref name="start"/>, honouring strings; -1 if none.</summary>
    private static int FindEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }
}
