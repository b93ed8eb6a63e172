namespace Episodic.Cli;

/// <summary>
/// Every exit code the CLI returns, declared once (docs/routing.md and docs/configuration.md list them). Scripts and
/// download-client hooks branch on these, so they never change meaning.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Done (conflicts left in place count as done).</summary>
    public const int Ok = 0;

    /// <summary>A failure outside the input: I/O, permissions, a port in use, or a bug (the line says which).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: a bad option value, a missing file, a bad template.</summary>
    public const int InputError = 2;

    /// <summary>Bad configuration: the INI file or environment cannot run.</summary>
    public const int ConfigError = 3;

    /// <summary><c>check</c>: a backend is not healthy.</summary>
    public const int Unhealthy = 4;

    /// <summary>
    /// A partial result: some items could not be done and the rest went through (<c>route --apply</c>/<c>undo</c>:
    /// files that failed, had a CRC mismatch or a conflict, or (undo) a journal that ends early (no end record);
    /// <c>identify</c>: names not identified). The output says which and why.
    /// </summary>
    public const int SomeFailed = 5;

    /// <summary>A journal failed its checks (forged, damaged, not a journal); nothing was touched.</summary>
    public const int JournalRejected = 6;

    /// <summary>Another run holds the library's lock; nothing was touched.</summary>
    public const int LibraryBusy = 7;

    /// <summary><c>--strict</c>: an LLM backend failed and another backend or the rule parser answered instead.</summary>
    public const int StrictFallback = 8;

    /// <summary><c>eval --llm</c>: the estimated cost is over $1 and neither --yes nor a terminal prompt confirmed it; nothing was sent.</summary>
    public const int NotConfirmed = 9;

    /// <summary>Interrupted by Ctrl+C (128 + SIGINT); what was done is journaled.</summary>
    public const int Interrupted = 130;
}
