namespace Episodic.Core.Model;

/// <summary>
/// The identity of an LLM backend by its one canonical wire name ("ollama", "openai", "anthropic", or a test double's
/// name). A type rather than a bare string so a backend cannot be confused with a model, a label or a tier; the wire
/// name is what appears in <c>source</c>, metric tags, cache keys and INI section names.
/// </summary>
public readonly record struct BackendId
{
    /// <summary>Creates the identity from its wire name: lower-case, not empty, no ':' (it separates backend and model).</summary>
    /// <exception cref="ArgumentException">The name is empty, has upper-case letters, a ':' or white space.</exception>
    public BackendId(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains(':', StringComparison.Ordinal) || name.Any(c => char.IsUpper(c) || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException($"A backend name is lower-case with no ':' or spaces; got '{name}'.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The canonical wire name.</summary>
    public string Name { get; }

    public override string ToString() => Name ?? "";
}
