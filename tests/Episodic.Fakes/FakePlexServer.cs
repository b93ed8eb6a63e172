using System.Security;
using System.Text.Json.Nodes;

namespace Episodic.Tests.Fakes;

/// <summary>A Plex library section as the fake serves it: key, title, type and the folders it scans.</summary>
public sealed record FakePlexSection(string Key, string Title, string Type, params string[] Locations);

/// <summary>
/// Plex Media Server on 127.0.0.1: <c>GET /library/sections</c> as XML (Plex's default) or JSON when asked with
/// <c>Accept: application/json</c>, <c>GET /library/sections/{key}/refresh?path=</c> answered 200 with no body, and
/// Plex's HTML 401 page for a missing or wrong <c>X-Plex-Token</c> (header or query, as Plex accepts both).
/// </summary>
public sealed class FakePlexServer(string token, params FakePlexSection[] sections) : FakeMediaServer
{
    protected override MediaReply Answer(MediaRequest request)
    {
        if ((request.Header("X-Plex-Token") ?? request.Query.GetValueOrDefault("X-Plex-Token")) != token)
        {
            return ErrorReply(401);
        }

        if (request.Method == "GET" && request.Path == "/library/sections")
        {
            return (request.Header("Accept") ?? "").Contains("application/json", StringComparison.Ordinal)
                ? new MediaReply(200, "application/json", Json().ToJsonString())
                : new MediaReply(200, "text/xml;charset=utf-8", Xml());
        }

        var parts = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method == "GET" && parts is ["library", "sections", var key, "refresh"] && sections.Any(s => s.Key == key))
        {
            return new MediaReply(200);
        }

        return ErrorReply(404);
    }

    protected override MediaReply ErrorReply(int status) => status switch
    {
        401 => new MediaReply(401, "text/html", "<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>"),
        404 => new MediaReply(404, "text/html", "<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>"),
        _ => new MediaReply(status, "text/html", $"<html><body><h1>{status}</h1></body></html>"),
    };

    private JsonObject Json() => new()
    {
        ["MediaContainer"] = new JsonObject
        {
            ["size"] = sections.Length,
            ["allowSync"] = false,
            ["title1"] = "Plex Library",
            ["Directory"] = new JsonArray([.. sections.Select(s => (JsonNode)new JsonObject
            {
                ["allowSync"] = true,
                ["art"] = "/:/resources/show-fanart.jpg",
                ["composite"] = $"/library/sections/{s.Key}/composite/1693717781",
                ["filters"] = true,
                ["refreshing"] = false,
                ["thumb"] = "/:/resources/show.png",
                ["key"] = s.Key,
                ["type"] = s.Type,
                ["title"] = s.Title,
                ["agent"] = s.Type == "show" ? "tv.plex.agents.series" : "tv.plex.agents.movie",
                ["scanner"] = s.Type == "show" ? "Plex TV Series" : "Plex Movie",
                ["language"] = "en-US",
                ["uuid"] = $"AC000000-0000-0000-0000-00000000000{s.Key}",
                ["updatedAt"] = 1693717833,
                ["createdAt"] = 1499601519,
                ["scannedAt"] = 1693717781,
                ["content"] = true,
                ["directory"] = true,
                ["contentChangedAt"] = 18253803,
                ["hidden"] = 0,
                ["Location"] = new JsonArray([.. s.Locations.Select((l, i) => (JsonNode)new JsonObject { ["id"] = i + 1, ["path"] = l })]),
            })]),
        },
    };

    private string Xml() =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MediaContainer size=\"{sections.Length}\" allowSync=\"0\" title1=\"Plex Library\">\n"
        + string.Concat(sections.Select(s =>
            $"<Directory allowSync=\"1\" key=\"{s.Key}\" type=\"{s.Type}\" title=\"{SecurityElement.Escape(s.Title)}\" agent=\"tv.plex.agents.series\" scanner=\"Plex TV Series\" language=\"en-US\" refreshing=\"0\" content=\"1\" directory=\"1\" hidden=\"0\">\n"
            + string.Concat(s.Locations.Select((l, i) => $"<Location id=\"{i + 1}\" path=\"{SecurityElement.Escape(l)}\" />\n"))
            + "</Directory>\n"))
        + "</MediaContainer>\n";
}
