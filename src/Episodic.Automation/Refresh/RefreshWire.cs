using System.Text.Json.Serialization;

namespace Episodic.Automation.Refresh;

/// <summary>Plex's <c>GET /library/sections</c> as JSON (<c>Accept: application/json</c>): <c>{"MediaContainer": {"Directory": [...]}}</c>.</summary>
internal sealed record PlexSections([property: JsonPropertyName("MediaContainer")] PlexContainer? MediaContainer);

/// <summary>The container; Plex leaves <c>Directory</c> out when the server has no library.</summary>
internal sealed record PlexContainer([property: JsonPropertyName("Directory")] List<PlexSection>? Directory);

/// <summary>One library section: its key (a string, "2"), title, type and the folders it scans.</summary>
internal sealed record PlexSection(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("Location")] List<PlexLocation>? Location);

/// <summary>A folder of a section, as the Plex server sees it.</summary>
internal sealed record PlexLocation([property: JsonPropertyName("path")] string? Path);

/// <summary>Jellyfin's and Emby's <c>POST /Library/Media/Updated</c> body (MediaUpdateInfoDto).</summary>
internal sealed record MediaUpdated([property: JsonPropertyName("Updates")] List<MediaUpdatePath> Updates);

/// <summary>One changed path; <c>UpdateType</c> is Created, Modified or Deleted.</summary>
internal sealed record MediaUpdatePath([property: JsonPropertyName("Path")] string Path, [property: JsonPropertyName("UpdateType")] string UpdateType);

/// <summary>A Kodi JSON-RPC 2.0 request for <c>VideoLibrary.Scan</c>.</summary>
internal sealed record KodiRequest(
    [property: JsonPropertyName("jsonrpc")] string JsonRpc,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("params")] KodiScanParams Params,
    [property: JsonPropertyName("id")] int Id);

/// <summary>The folder to scan; Kodi wants it with a trailing separator.</summary>
internal sealed record KodiScanParams([property: JsonPropertyName("directory")] string Directory);

/// <summary>Kodi's answer: <c>"result": "OK"</c>, or an <c>error</c> object.</summary>
internal sealed record KodiResponse([property: JsonPropertyName("result")] string? Result, [property: JsonPropertyName("error")] KodiError? Error);

/// <summary>A JSON-RPC error (-32602 "Invalid params.", -32601 "Method not found.").</summary>
internal sealed record KodiError([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("message")] string? Message);

/// <summary>Source-generated (de)serialisation of the media-server wire shapes.</summary>
[JsonSerializable(typeof(PlexSections))]
[JsonSerializable(typeof(MediaUpdated))]
[JsonSerializable(typeof(KodiRequest))]
[JsonSerializable(typeof(KodiResponse))]
internal sealed partial class RefreshJsonContext : JsonSerializerContext;
