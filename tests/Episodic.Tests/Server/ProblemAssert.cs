using System.Net;
using System.Text.Json;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>Checks an RFC 7807 problem response.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, HttpStatusCode status, string? detailContains = null)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement.Clone();
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.True(root.TryGetProperty("type", out _));
        if (detailContains is not null)
        {
            Assert.Contains(detailContains, root.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }

        return root;
    }
}
