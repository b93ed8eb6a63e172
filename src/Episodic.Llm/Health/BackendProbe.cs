using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Episodic.Core.Text;
using Episodic.Llm.Providers;

namespace Episodic.Llm.Health;

/// <summary>
/// Checks one configured backend with the cheapest request that proves it can answer: Ollama's model list, OpenAI's
/// model list (or a 1-token chat request on compatible servers without one), and a 1-token Anthropic message (the
/// only call that proves both the key and the model). Raw HTTP rather than the SDKs, so the probe sees exactly
/// which step failed. Never throws for backend failures; the verdict never contains the API key.
/// </summary>
public static class BackendProbe
{
    public const string AnthropicVersion = "2023-06-01";

    public static readonly Uri DefaultOpenAiBase = new("https://api.openai.com/v1/");

    public static readonly Uri DefaultAnthropicBase = new("https://api.anthropic.com/");

    // A health check should answer quickly even when a backend's request timeout is generous.
    private static readonly TimeSpan MaxProbeTime = TimeSpan.FromSeconds(15);

    private const int MaxMessageChars = 200;

    /// <summary>The endpoint a backend is reached at: its configured URL or the provider default.</summary>
    public static Uri EndpointOf(BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.BaseUri ?? options.Kind switch
        {
            BackendKind.Ollama => ChatClientFactory.DefaultOllamaHost,
            BackendKind.OpenAI => DefaultOpenAiBase,
            _ => DefaultAnthropicBase,
        };
    }

    /// <param name="options">The backend's validated settings.</param>
    /// <param name="httpClient">Optional transport (tests, proxies); not disposed. Its own Timeout also applies.</param>
    /// <param name="cancellationToken">Cancels the probe; that cancellation is thrown, not reported as a verdict.</param>
    public static async Task<ProbeResult> ProbeAsync(BackendOptions options, HttpClient? httpClient = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = EndpointOf(options);
        var limit = options.Timeout > TimeSpan.Zero && options.Timeout < MaxProbeTime ? options.Timeout : MaxProbeTime;
        var ownClient = httpClient is null;
        var http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var started = Stopwatch.GetTimestamp();
        Finding finding;
        try
        {
            var probe = new Probe(options, http, endpoint, deadline.Token);
            finding = options.Kind switch
            {
                BackendKind.Ollama => await probe.OllamaAsync().ConfigureAwait(false),
                BackendKind.OpenAI => await probe.OpenAiAsync().ConfigureAwait(false),
                BackendKind.Anthropic => await probe.AnthropicAsync().ConfigureAwait(false),
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown backend."),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            finding = Finding.Unreachable($"unreachable: no answer within {limit.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            // No status: the connection itself failed (refused, DNS, TLS).
            finding = Finding.Unreachable($"unreachable: {ex.InnerException?.Message ?? ex.Message}");
        }
        finally
        {
            if (ownClient)
            {
                http.Dispose();
            }
        }

        return new ProbeResult(
            options.Kind,
            options.Name,
            finding.Reachable,
            finding.Authenticated,
            finding.ModelPresent,
            Stopwatch.GetElapsedTime(started),
            Redact(finding.Verdict, options.ApiKey))
        {
            Endpoint = new Uri(SafeUrl.Of(endpoint)),
        };
    }

    /// <summary>
    /// Whether a listed model is the configured one. Ollama lists "llama3.2:latest" for a model configured as
    /// "llama3.2" (and the reverse), since ":latest" is the implied tag.
    /// </summary>
    public static bool SameModel(string listed, string configured, BackendKind kind)
    {
        if (string.Equals(listed, configured, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        const string latest = ":latest";
        return kind == BackendKind.Ollama
            && string.Equals(StripSuffix(listed, latest), StripSuffix(configured, latest), StringComparison.OrdinalIgnoreCase);
    }

    private static string StripSuffix(string value, string suffix) =>
        value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? value[..^suffix.Length] : value;

    /// <summary>
    /// <paramref name="relative"/> under the endpoint's path, its query kept: an Azure-style <c>.../v1?api-version=X</c>
    /// probes <c>.../v1/models?api-version=X</c> (resolving against it would drop both the last segment and the query).
    /// </summary>
    private static Uri Under(Uri endpoint, string relative) =>
        new UriBuilder(endpoint) { Path = endpoint.AbsolutePath.TrimEnd('/') + "/" + relative }.Uri;

    private static string Redact(string verdict, string? apiKey)
    {
        if (!string.IsNullOrEmpty(apiKey))
        {
            verdict = verdict.Replace(apiKey, Secrets.Mask(apiKey), StringComparison.Ordinal);
        }

        return SafeUrl.Scrub(verdict).ReplaceLineEndings(" ");
    }

    /// <summary>The probe's conclusion before timing and redaction.</summary>
    private readonly record struct Finding(bool Reachable, bool Authenticated, bool ModelPresent, string Verdict)
    {
        public static Finding Ok(string verdict = "ok") => new(true, true, true, verdict);

        public static Finding Unreachable(string verdict) => new(false, false, false, verdict);

        public static Finding Unauthenticated(int status, string? message) => new(true, false, false, $"not authenticated: HTTP {status}{Detail(message)}; check the API key");

        public static Finding ModelMissing(string verdict) => new(true, true, false, verdict);

        /// <summary>A status the probe has no specific meaning for: reachable, but it cannot answer now.</summary>
        public static Finding Failed(int status, string? message) => status == 429
            ? Ok($"ok, but rate limited now (HTTP 429{Detail(message)})")
            : new(true, true, false, $"HTTP {status}{Detail(message)}");

        public static string Detail(string? message) =>
            string.IsNullOrWhiteSpace(message) ? "" : ": " + (message.Length > MaxMessageChars ? message[..MaxMessageChars] + "..." : message);
    }

    /// <summary>One probe's inputs, so the per-provider steps stay short.</summary>
    private sealed class Probe(BackendOptions options, HttpClient http, Uri baseUri, CancellationToken cancellationToken)
    {
        private string Model => options.Model;

        public async Task<Finding> OllamaAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Under(baseUri, "api/tags"));
            using var response = await SendAsync(request).ConfigureAwait(false);
            var body = await ReadAsync(response).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return StatusFinding(response.StatusCode, body);
            }

            var names = ListedModels(body, "models", "name", "model");
            if (names is null)
            {
                return Finding.ModelMissing("reachable, but /api/tags did not answer with a model list; is this an Ollama server?");
            }

            return names.Any(n => SameModel(n, Model, BackendKind.Ollama))
                ? Finding.Ok()
                : Finding.ModelMissing($"model '{Model}' is not pulled; run: ollama pull {Model} (have: {Sample(names)})");
        }

        public async Task<Finding> OpenAiAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Under(baseUri, "models"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
            using var response = await SendAsync(request).ConfigureAwait(false);
            var body = await ReadAsync(response).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return StatusFinding(response.StatusCode, body);
            }

            var ids = response.IsSuccessStatusCode ? ListedModels(body, "data", "id") : null;
            if (ids is null)
            {
                // Some OpenAI-compatible servers have no /models (404) or answer it with something else.
                return response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed
                    ? await OpenAiChatAsync().ConfigureAwait(false)
                    : StatusFinding(response.StatusCode, body);
            }

            return ids.Any(id => SameModel(id, Model, BackendKind.OpenAI))
                ? Finding.Ok()
                : Finding.ModelMissing($"model '{Model}' is not listed by /models (have: {Sample(ids)})");
        }

        public async Task<Finding> AnthropicAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Under(baseUri, "v1/messages"))
            {
                Content = OneTokenRequest(),
            };
            request.Headers.TryAddWithoutValidation("x-api-key", options.ApiKey);
            request.Headers.TryAddWithoutValidation("anthropic-version", AnthropicVersion);
            using var response = await SendAsync(request).ConfigureAwait(false);
            var body = await ReadAsync(response).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? Finding.Ok() : StatusFinding(response.StatusCode, body);
        }

        private async Task<Finding> OpenAiChatAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Under(baseUri, "chat/completions"))
            {
                Content = OneTokenRequest(),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
            using var response = await SendAsync(request).ConfigureAwait(false);
            var body = await ReadAsync(response).ConfigureAwait(false);
            const string note = "no /models endpoint (OpenAI-compatible server?); ";
            if (response.IsSuccessStatusCode)
            {
                return Finding.Ok($"ok ({note}checked with a 1-token chat request)");
            }

            var finding = StatusFinding(response.StatusCode, body);
            return finding with { Verdict = note + finding.Verdict };
        }

        // The smallest billable request: one output token.
        private StringContent OneTokenRequest()
        {
            var json = new JsonObject
            {
                ["model"] = Model,
                ["max_tokens"] = 1,
                ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "ping" }),
            };
            return new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
        }

        private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) =>
            http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);

        private Task<string> ReadAsync(HttpResponseMessage response) => response.Content.ReadAsStringAsync(cancellationToken);

        /// <summary>401/403 = the key; 404 and a 400 about the model = the model; anything else as it is.</summary>
        private Finding StatusFinding(HttpStatusCode statusCode, string body)
        {
            var status = (int)statusCode;
            var message = FailureCapturingHandler.ExtractMessage(body);
            return status switch
            {
                401 or 403 => Finding.Unauthenticated(status, message),
                404 => Finding.ModelMissing($"model '{Model}' not found (HTTP 404{Finding.Detail(message)})"),
                400 when message?.Contains("model", StringComparison.OrdinalIgnoreCase) == true =>
                    Finding.ModelMissing($"model '{Model}' rejected (HTTP 400{Finding.Detail(message)})"),
                _ => Finding.Failed(status, message),
            };
        }

        /// <summary>The names under <c>{arrayName: [{key: ...}]}</c>, or null when the body is not such a list.</summary>
        private static List<string>? ListedModels(string body, string arrayName, params string[] keys)
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind != JsonValueKind.Object
                    || !doc.RootElement.TryGetProperty(arrayName, out var list)
                    || list.ValueKind != JsonValueKind.Array)
                {
                    return null;
                }

                var names = new List<string>();
                foreach (var item in list.EnumerateArray())
                {
                    foreach (var key in keys)
                    {
                        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
                        {
                            names.Add(value.GetString()!);
                        }
                    }
                }

                return names;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string Sample(List<string> names)
        {
            var distinct = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return distinct.Count switch
            {
                0 => "none",
                <= 5 => string.Join(", ", distinct),
                _ => string.Join(", ", distinct.Take(5)) + $", ... {distinct.Count - 5} more",
            };
        }
    }
}
