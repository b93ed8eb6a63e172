using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Episodic.Server.Pages;

/// <summary>
/// What the server runs on: the readiness probe's own checks (rules, each LLM backend with its role and verdict), the
/// metadata provider, the libraries, the caches' sizes on disk and the version — the page to look at when filing stops.
/// </summary>
internal static class HealthPage
{
    public static async Task<IResult> RenderAsync(UiState ui, HttpContext context)
    {
        var layout = Layout.For(context, ui.Sessions);
        var w = layout.Start("Health", NavItem.Health);
        var service = context.RequestServices.GetService(typeof(HealthCheckService)) as HealthCheckService ?? throw new InvalidOperationException("health checks are not registered");
        var report = await service.CheckHealthAsync(r => r.Tags.Contains(EpisodicServer.ReadyTag), context.RequestAborted).ConfigureAwait(false);

        w.Open("p").Text("Readiness: ").Open("strong").Attr("id", "ready").Text(report.Status.ToString()).Close("strong").Close("p");
        w.Element("h2", "Backends");
        w.Open("table").Attr("id", "backends").Headings("Name", "Status", "Detail");
        foreach (var (name, entry) in report.Entries)
        {
            w.Open("tr").Attr("class", "backend");
            w.Open("td").Attr("class", "name").Text(name).Close("td");
            w.Open("td").Attr("data-label", "Status").Attr("class", entry.Status == HealthStatus.Healthy ? "conf-high" : entry.Status == HealthStatus.Degraded ? "conf-mid" : "conf-low").Text(entry.Status.ToString()).Close("td");
            w.Open("td").Attr("data-label", "Detail").Text(entry.Description ?? entry.Exception?.GetType().Name ?? "").Close("td");
            w.Close("tr");
        }

        w.Close("tbody").Close("table");

        w.Element("h2", "Metadata");
        w.Open("p").Attr("id", "metadata").Text(ui.Options.Identifier is { } id ? "Provider: " + Core.Metadata.ShowId.NameOf(id.Provider) : "No metadata provider configured.").Close("p");

        w.Element("h2", "Libraries");
        w.Open("ul");
        foreach (var library in ui.Options.Review?.Libraries ?? [])
        {
            w.Element("li", library);
        }

        w.Close("ul");

        w.Element("h2", "Caches");
        w.Open("table").Attr("id", "caches").Headings("Cache", "Path", "Size");
        foreach (var cache in ui.Options.Caches)
        {
            w.Open("tr");
            w.Element("td", cache.Name);
            w.Open("td").Attr("class", "name").Attr("data-label", "Path").Text(cache.Path).Close("td");
            w.Open("td").Attr("data-label", "Size").Text(Size(cache.Path)).Close("td");
            w.Close("tr");
        }

        w.Close("tbody").Close("table");
        w.Element("h2", "Version");
        w.Open("p").Attr("id", "version").Text("Episodic " + Version).Close("p");
        return Layout.End(w);
    }

    /// <summary>The assembly's informational version (without the build metadata after '+').</summary>
    public static string Version { get; } =
        (typeof(HealthPage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown").Split('+')[0];

    /// <summary>The cache's size on disk with its SQLite write-ahead log; "not created yet" when it does not exist.</summary>
    private static string Size(string path)
    {
        long bytes = 0;
        var found = false;
        foreach (var file in new[] { path, path + "-wal" })
        {
            var info = new FileInfo(file);
            if (info.Exists)
            {
                bytes += info.Length;
                found = true;
            }
        }

        return found ? (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB" : "not created yet";
    }
}
