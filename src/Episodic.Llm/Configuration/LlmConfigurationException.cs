namespace Episodic.Llm.Configuration;

/// <summary>
/// The LLM configuration cannot be used. The message lists every problem, one per line, each naming the INI key and
/// the fix; it never contains an API key.
/// </summary>
public sealed class LlmConfigurationException : Exception
{
    public LlmConfigurationException()
        : this([])
    {
    }

    public LlmConfigurationException(string message)
        : this([message])
    {
    }

    public LlmConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public LlmConfigurationException(IReadOnlyList<string> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Each problem on its own, in the order found.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(IReadOnlyList<string> problems) => problems.Count switch
    {
        0 => "The LLM configuration is invalid.",
        1 => $"The LLM configuration has a problem: {problems[0]}",
        _ => $"The LLM configuration has {problems.Count} problems:{Environment.NewLine}"
            + string.Join(Environment.NewLine, problems.Select(p => $"  - {p}")),
    };
}
