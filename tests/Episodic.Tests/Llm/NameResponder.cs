using Episodic.Tests.Fakes;

namespace Episodic.Tests.Llm;

/// <summary>
/// A fake model that knows a fixed set of names: it finds which of them a request carries (in any provider's wire
/// shape) and answers each with its scripted JSON, as a batch keyed by index when the request is a batch. Names are
/// plain ASCII so they appear verbatim in the request body. Counts the names it was asked about.
/// </summary>
internal sealed class NameResponder(IReadOnlyDictionary<string, string> answers)
{
    private int asked;

    public int Asked => asked;

    public FakeReply Reply(RecordedRequest request)
    {
        var body = request.Body;
        var found = answers.Keys
            .Select(name => (Name: name, At: body.IndexOf(name, StringComparison.Ordinal)))
            .Where(f => f.At >= 0)
            .OrderBy(f => f.At)
            .Select(f => f.Name)
            .ToList();
        Interlocked.Add(ref asked, found.Count);
        // Only the batch answer schema has an "index" property (unescaped: the schema is JSON in the body, not text).
        var batch = body.Contains("\"index\"", StringComparison.Ordinal) || found.Count > 1;
        if (!batch)
        {
            return FakeReply.Text(found.Count == 1 ? answers[found[0]] : "{}");
        }

        var items = found.Select((name, i) => "{\"index\":" + i + "," + answers[name].TrimStart()[1..]);
        return FakeReply.Text("{\"results\":[" + string.Join(",", items) + "]}");
    }

    /// <summary>A full parse answer in the schema's field order.</summary>
    public static string Answer(string show, int? season, int[] episodes, int[]? absolute = null, double confidence = 0.95) =>
        "{\"show_name\":\"" + show + "\",\"year\":null,\"season\":" + (season?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null")
        + ",\"episodes\":[" + string.Join(",", episodes) + "],\"absolute_episodes\":[" + string.Join(",", absolute ?? []) + "],\"air_date\":null,"
        + "\"full_season\":false,\"special\":false,\"crc32\":null,\"release_group\":null,\"version\":null,\"is_episode\":true,"
        + "\"confidence\":" + confidence.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"reasoning\":\"Read from the name.\"}";
}
