namespace Episodic.Llm;

/// <summary>Masks secrets for anything a person or a log can see: at most "sk-...abcd".</summary>
public static class Secrets
{
    public static string Mask(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "(not set)";
        }

        if (secret.Length < 12)
        {
            return "***";
        }

        var prefix = secret.StartsWith("sk-", StringComparison.Ordinal) ? "sk-" : "";
        return $"{prefix}...{secret[^4..]}";
    }
}
