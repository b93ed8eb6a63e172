using System.Diagnostics;
using System.Runtime.CompilerServices;
using Episodic.Llm.Providers;
using Microsoft.Extensions.AI;

namespace Episodic.Llm.Metrics;

/// <summary>
/// Observes every request to one backend: outcome and latency (<see cref="EpisodicMetrics.Request"/>), and the
/// provider-reported token usage with its estimated cost (<see cref="EpisodicMetrics.Tokens"/>). It never changes a
/// request, a response or an exception. Place it inside retries to count attempts, outside them to count calls.
/// </summary>
public sealed class MetricsChatClient : DelegatingChatClient
{
    private readonly EpisodicMetrics metrics;
    private readonly BackendKind backend;
    private readonly string backendTag;
    private readonly string model;
    private readonly PriceTable prices;

    public MetricsChatClient(IChatClient innerClient, EpisodicMetrics metrics, BackendKind backend, string model, PriceTable? prices = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        this.metrics = metrics;
        this.backend = backend;
        backendTag = backend.WireName();
        this.model = model;
        this.prices = prices ?? PriceTable.Default;
    }

    public MetricsChatClient(IChatClient innerClient, EpisodicMetrics metrics, BackendOptions options, PriceTable? prices = null)
        : this(innerClient, metrics, options?.Kind ?? throw new ArgumentNullException(nameof(options)), options.Model, prices)
    {
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            metrics.Request(backendTag, model, RequestOutcome.Classify(ex, cancellationToken.IsCancellationRequested), ElapsedMs(started));
            throw;
        }

        metrics.Request(backendTag, model, RequestOutcome.Ok, ElapsedMs(started));
        RecordUsage(response.Usage, response.ModelId);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A stream counts as one request whose latency runs to its last update; usage arrives as UsageContent.
        var started = Stopwatch.GetTimestamp();
        UsageDetails? usage = null;
        string? modelId = null;
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                update = updates.Current;
            }
            catch (Exception ex)
            {
                metrics.Request(backendTag, model, RequestOutcome.Classify(ex, cancellationToken.IsCancellationRequested), ElapsedMs(started));
                throw;
            }

            modelId ??= update.ModelId;
            foreach (var content in update.Contents)
            {
                if (content is UsageContent { Details: { } details })
                {
                    usage ??= new UsageDetails();
                    usage.Add(details);
                }
            }

            yield return update;
        }

        metrics.Request(backendTag, model, RequestOutcome.Ok, ElapsedMs(started));
        RecordUsage(usage, modelId);
    }

    private void RecordUsage(UsageDetails? usage, string? responseModel)
    {
        if (usage is null)
        {
            return;
        }

        var input = usage.InputTokenCount ?? 0;
        var output = usage.OutputTokenCount ?? 0;
        // Priced by the configured model; the id the provider answers with (often a dated snapshot) is the fallback.
        var priced = prices.Knows(model) || responseModel is null ? model : responseModel;
        metrics.Tokens(backendTag, model, input, output, prices.Cost(backend, priced, input, output));
    }

    private static double ElapsedMs(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
