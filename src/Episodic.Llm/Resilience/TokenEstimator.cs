using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace Episodic.Llm.Resilience;

/// <summary>
/// Estimates a request's tokens before it is sent, for the tokens-per-minute limiter. Counts with OpenAI's o200k_base
/// vocabulary (shipped in the Microsoft.ML.Tokenizers.Data.O200kBase package, nothing is downloaded). Other
/// providers' tokenizers differ by some percent; the limiter reconciles with the usage each response reports.
/// </summary>
public sealed class TokenEstimator
{
    /// <summary>Chat formats wrap each message in a few tokens of role markers (OpenAI documents about 3-4).</summary>
    internal const int PerMessageOverhead = 4;

    // Loading the vocabulary takes a moment and some memory: once per process, on first use.
    private static readonly Lazy<Tokenizer> SharedTokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    private readonly Tokenizer tokenizer;

    public TokenEstimator()
        : this(SharedTokenizer.Value)
    {
    }

    internal TokenEstimator(Tokenizer tokenizer)
    {
        this.tokenizer = tokenizer;
    }

    public int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : tokenizer.CountTokens(text);

    /// <summary>Prompt tokens (messages, instructions, per-message overhead) plus the output budget of <paramref name="options"/>.</summary>
    public int Estimate(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        long total = Count(options?.Instructions);
        foreach (var message in messages)
        {
            total += PerMessageOverhead + Count(message.Text);
        }

        total += options?.MaxOutputTokens ?? 0;
        return (int)Math.Min(total, int.MaxValue);
    }
}
