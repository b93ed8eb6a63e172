using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>
/// A browser-like client of the pages over real HTTP: keeps cookies (session and antiforgery), does not follow
/// redirects (tests look at them), and posts forms with the antiforgery token the last page carried.
/// </summary>
internal sealed partial class UiClient : IDisposable
{
    private readonly HttpClient _client;

    public UiClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public CookieContainer Cookies { get; }

    /// <summary>The antiforgery token of the last page read.</summary>
    public string? Token { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        var response = await _client.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        if (TokenPattern().Match(html) is { Success: true } m)
        {
            Token = WebUtility.HtmlDecode(m.Groups[1].Value);
        }

        return (response, html);
    }

    /// <summary>Posts the fields as a form, with the last page's antiforgery token unless <paramref name="withToken"/> is false.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var all = fields.ToList();
        if (withToken)
        {
            all.Add(new("__RequestVerificationToken", Token ?? throw new InvalidOperationException("no page read yet")));
        }

        using var content = new FormUrlEncodedContent(all);
        return await _client.PostAsync(path, content, Ct);
    }

    /// <summary>Follows a 303 to its page.</summary>
    public async Task<string> FollowAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var (page, html) = await GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return html;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"", RegexOptions.None, 1000)]
    private static partial Regex TokenPattern();
}
