namespace Episodic.Routing.Journal;

/// <summary>A journal that fails its checks (no header, a bad line, a path outside its roots); nothing was touched.</summary>
public sealed class JournalRejectedException : Exception
{
    public JournalRejectedException(string path, IReadOnlyList<JournalProblem> problems)
        : base(Describe(path, problems))
    {
        JournalPath = path;
        Problems = problems;
    }

    public JournalRejectedException()
    {
    }

    public JournalRejectedException(string message)
        : base(message)
    {
    }

    public JournalRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string JournalPath { get; } = "";

    public IReadOnlyList<JournalProblem> Problems { get; } = [];

    private static string Describe(string path, IReadOnlyList<JournalProblem> problems)
    {
        var first = problems.Count > 0 ? problems[0].ToString() : "unreadable";
        var more = problems.Count > 1 ? $" (and {problems.Count - 1} more bad line(s))" : "";
        return $"the journal '{path}' cannot be trusted: {first}{more}";
    }
}
