namespace Episodic.Cli;

/// <summary>The streams a command talks to, so tests can run the CLI in-process and capture its output.</summary>
internal sealed record CliContext(TextReader Stdin, TextWriter Stdout, TextWriter Stderr, bool StderrIsTerminal)
{
    /// <summary>Environment variables for configuration; null = the process environment. Tests inject their own.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Stdin is a terminal, so a command may ask a question and read the answer (eval --llm's cost confirmation).</summary>
    public bool StdinIsTerminal { get; init; }

    /// <summary>
    /// Stdout is a terminal: someone is watching, so streamed results are flushed one by one. Redirected output is
    /// flushed in large blocks instead (a flush per record is a write system call per name).
    /// </summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>Display cells a table may use: the terminal's width, else $COLUMNS, else 120.</summary>
    public int Columns { get; init; } = Output.TableOutputWriter.DefaultColumns;

    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <summary>Writes a one-line warning once per run, however many times the same thing is noticed.</summary>
    public void WarnOnce(string message)
    {
        lock (_warned)
        {
            if (!_warned.Add(message))
            {
                return;
            }
        }

        Error(message);
    }

    /// <summary>Writes a one-line error to stderr, prefixed with the program name; control characters in it (from file names) are escaped.</summary>
    public void Error(string message) => Stderr.WriteLine($"episodic: {Episodic.Core.Text.Printable.Escape(message)}");
}
