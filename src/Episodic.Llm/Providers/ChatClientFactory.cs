using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Anthropic.Core;
using Episodic.Llm.Composition;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using OpenAI.Chat;

namespace Episodic.Llm.Providers;

/// <summary>
/// Builds the <see cref="IChatClient"/> for one backend on top of its official SDK. Every client: SDK retries off
/// (the resilience pipeline owns retries), a per-request timeout of <see cref="BackendOptions.Timeout"/>, and
/// failures surfaced only as <see cref="LlmBackendException"/>.
/// </summary>
public static class ChatClientFactory
{
    public static readonly Uri DefaultOllamaHost = new(Configuration.LlmDefaults.OllamaHost);

    /// <param name="options">Validated backend settings.</param>
    /// <param name="httpClient">
    /// Optional transport (tests, proxies). It is wrapped, not modified, and not disposed; its own Timeout still applies,
    /// so give it <see cref="Timeout.InfiniteTimeSpan"/> and let <see cref="BackendOptions.Timeout"/> govern.
    /// </param>
    public static IChatClient Create(BackendOptions options, HttpClient? httpClient = null) =>
        new ChatClientBuilder(CreateProvider(options, httpClient)).UseErrorTranslation(options).Build();

    /// <summary>
    /// The bare SDK client (no error translation), with the configured max tokens and temperature as defaults; it
    /// owns and disposes its HttpClient. The composition root adds every middleware on top of it.
    /// </summary>
    public static IChatClient CreateProvider(BackendOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Episodic.Core.Hosting.NativeBuild.IsJit)
        {
            // Constant in the native binary: the SDK code below is compiled out of it.
            throw Episodic.Core.Hosting.JitOnlyException.For($"the {options.Kind} LLM backend", "the Anthropic and OllamaSharp SDKs serialize JSON by reflection");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "Timeout must be positive.");
        }

        // Our HttpClient: infinite timeout (the per-request timeout comes from the options) and a handler that
        // records failed responses for error translation.
        HttpMessageHandler transport = httpClient is null ? new SocketsHttpHandler() : new ForwardingHandler(httpClient);
        if (options.Kind == BackendKind.Anthropic && !string.IsNullOrEmpty(options.ApiKey))
        {
            transport = new AnthropicApiKeyHeaderHandler(transport, options.ApiKey);
        }

        var http = new HttpClient(new FailureCapturingHandler(transport))
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        try
        {
            var inner = options.Kind switch
            {
                BackendKind.OpenAI => CreateOpenAi(options, http),
                BackendKind.Anthropic => CreateAnthropic(options, http),
                BackendKind.Ollama => CreateOllama(options, http),
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown backend."),
            };
            // The configured max tokens and temperature are defaults; a caller's ChatOptions wins.
            var withDefaults = inner.AsBuilder()
                .ConfigureOptions(chat =>
                {
                    chat.MaxOutputTokens ??= options.MaxTokens;
                    chat.Temperature ??= options.Temperature;
                })
                .Build();
            return new HttpOwningChatClient(withDefaults, http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private static IChatClient CreateOpenAi(BackendOptions options, HttpClient http)
    {
        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(http),
        };
        if (options.BaseUri is { } baseUri)
        {
            clientOptions.Endpoint = baseUri;
        }

        var chat = new ChatClient(options.Model, new ApiKeyCredential(RequireKey(options)), clientOptions);
        return chat.AsIChatClient();
    }

    private static IChatClient CreateAnthropic(BackendOptions options, HttpClient http)
    {
        // The SDK sends the key as "Authorization: Bearer"; AnthropicApiKeyHeaderHandler moves it to "x-api-key".
        // AsIChatClient maps ChatOptions.ResponseFormat to native structured outputs (output_config.format) and
        // ignores Temperature: SDK 13.x has no temperature parameter.
        var clientOptions = new ClientOptions
        {
            ApiKey = RequireKey(options),
            MaxRetries = 0,
            Timeout = options.Timeout,
            HttpClient = http,
        };
        if (options.BaseUri is { } baseUri)
        {
            clientOptions.BaseUrl = baseUri.ToString().TrimEnd('/');
        }

        var client = new AnthropicClient(clientOptions);
        return client.AsIChatClient(options.Model, options.MaxTokens);
    }

    private static RequestTimeoutChatClient CreateOllama(BackendOptions options, HttpClient http)
    {
        http.BaseAddress = options.BaseUri ?? DefaultOllamaHost;
        return new RequestTimeoutChatClient(new OllamaApiClient(http, options.Model), options.Timeout);
    }

    private static string RequireKey(BackendOptions options) =>
        string.IsNullOrWhiteSpace(options.ApiKey)
            ? throw new ArgumentException($"{options.Kind} needs an API key.", nameof(options))
            : options.ApiKey;
}

/// <summary>Disposes the HttpClient the factory created for an SDK client when that client is disposed.</summary>
internal sealed class HttpOwningChatClient(IChatClient innerClient, HttpClient http) : DelegatingChatClient(innerClient)
{
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            http.Dispose();
        }

        base.Dispose(disposing);
    }
}
