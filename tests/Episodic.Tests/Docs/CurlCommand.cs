using System.Text;

namespace Episodic.Tests.Docs;

/// <summary>
/// A doc's curl line read into an HTTP request, so request examples run with HttpClient and CI needs no curl. Knows
/// the options the docs use (-s, -S, -X, -H, -d/--data); any other option fails the test rather than being ignored.
/// </summary>
internal sealed record CurlCommand(HttpMethod Method, string PathAndQuery, IReadOnlyList<(string Name, string Value)> Headers, string? Body)
{
    public static CurlCommand Parse(string line)
    {
        var words = ShellWords(line);
        if (words.Count == 0 || words[0] != "curl")
        {
            throw new FormatException($"not a curl command: {line}");
        }

        HttpMethod? method = null;
        string? url = null, body = null;
        var headers = new List<(string, string)>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-s" or "-S" or "-sS" or "--silent":
                    break;
                case "-X" or "--request":
                    method = new HttpMethod(words[++i]);
                    break;
                case "-H" or "--header":
                    var h = words[++i];
                    var colon = h.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((h[..colon].Trim(), h[(colon + 1)..].Trim()));
                    break;
                case "-d" or "--data" or "--data-raw":
                    body = words[++i];
                    break;
                case var w when w.StartsWith('-'):
                    throw new FormatException($"curl option {w} is not supported by the doc tests: {line}");
                default:
                    url = words[i];
                    break;
            }
        }

        var uri = new Uri(url!.Contains("://", StringComparison.Ordinal) ? url : "http://" + url);
        return new CurlCommand(method ?? (body is null ? HttpMethod.Get : HttpMethod.Post), uri.PathAndQuery, headers, body);
    }

    /// <summary>The curl commands of a block, one per item: a quoted body (-d '{ ... }') may span lines.</summary>
    public static IEnumerable<string> Commands(IEnumerable<string> lines)
    {
        string? command = null;
        foreach (var line in lines)
        {
            if (command is null && !line.TrimStart().StartsWith("curl ", StringComparison.Ordinal))
            {
                continue;
            }

            command = command is null ? line.Trim() : command + "\n" + line;
            if (command.Count(c => c == '\'') % 2 == 0)
            {
                yield return command;
                command = null;
            }
        }

        if (command is not null)
        {
            throw new FormatException($"unbalanced quotes in: {command}");
        }
    }

    public HttpRequestMessage ToRequest(Uri server)
    {
        var request = new HttpRequestMessage(Method, new Uri(server, PathAndQuery));
        string? contentType = null;
        foreach (var (name, value) in Headers)
        {
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType ?? "application/x-www-form-urlencoded");
        }

        return request;
    }

    /// <summary>POSIX shell word splitting for one line: single quotes, double quotes, backslashes; a # word ends it.</summary>
    internal static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            if (c == '#' && !inWord)
            {
                break;
            }

            inWord = true;
            if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                word.Append(line, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                for (i++; line[i] != '"'; i++)
                {
                    if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
                    {
                        i++;
                    }

                    word.Append(line[i]);
                }
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
