using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Episodic.Server.Pages;

/// <summary>
/// The stylesheet and script, embedded in the assembly (no CDN, nothing fetched at run time, no build step). Pages
/// link them with their content hash in the query, so a browser may keep them for a day and still sees a new version
/// at once; the ETag answers revalidations with 304.
/// </summary>
internal static class UiAssets
{
    public const string CssPath = "/ui/assets/app.css";

    public const string JsPath = "/ui/assets/app.js";

    public static readonly Asset Css = Load("app.css", "text/css; charset=utf-8");

    public static readonly Asset Js = Load("app.js", "text/javascript; charset=utf-8");

    /// <summary>One embedded file: its bytes, type and a strong ETag of its content.</summary>
    internal sealed record Asset(byte[] Bytes, string ContentType, string ETag)
    {
        /// <summary>The hash pages put in the link (<c>?v=…</c>).</summary>
        public string Version => ETag[1..^1];

        public Task WriteAsync(HttpContext context)
        {
            var response = context.Response;
            response.Headers.ETag = ETag;
            response.Headers.CacheControl = "private, max-age=86400";
            if (context.Request.Headers.IfNoneMatch == ETag)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            response.ContentType = ContentType;
            response.ContentLength = Bytes.Length;
            return response.Body.WriteAsync(Bytes, context.RequestAborted).AsTask();
        }
    }

    private static Asset Load(string name, string contentType)
    {
        using var stream = typeof(UiAssets).Assembly.GetManifestResourceStream("Episodic.Server.Pages.Assets." + name)
            ?? throw new InvalidOperationException($"embedded asset {name} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return new Asset(bytes, contentType, "\"" + Convert.ToHexString(SHA256.HashData(bytes), 0, 8).ToLowerInvariant() + "\"");
    }
}
