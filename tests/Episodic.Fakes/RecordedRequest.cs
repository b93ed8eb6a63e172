using System.Text.Json;

namespace Episodic.Tests.Fakes;

/// <summary>One request a fake server received, for assertions.</summary>
public sealed class RecordedRequest
{
    public RecordedRequest(string method, string path, IReadOnlyDictionary<string, string> headers, string body)
    {
        Method = method;
        Path = path;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    public string Path { get; }

    /// <summary>Header name (case-insensitive) to its values joined by ",".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    /// <summary>The body parsed as JSON (throws if it is not JSON).</summary>
    public JsonElement Json
    {
        get
        {
            using var doc = JsonDocument.Parse(Body);
            return doc.RootElement.Clone();
        }
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
