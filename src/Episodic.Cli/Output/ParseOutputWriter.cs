using System.Runtime.CompilerServices;
using Episodic.Core.Model;

namespace Episodic.Cli.Output;

/// <summary>Streams parse results to stdout in one format; <see cref="Complete"/> closes the document.</summary>
internal abstract class ParseOutputWriter(TextWriter output) : IDisposable
{
    private bool _flushEachRecord;

    public const string Table = "table";
    public const string Json = "json";
    public const string Jsonl = "jsonl";

    protected TextWriter Output { get; } = output;

    /// <param name="columns">Terminal width the table fits (display cells).</param>
    /// <param name="flushEachRecord">
    /// Flush after every record: stdout is a terminal or the user asked for <c>--line-buffered</c>. Otherwise the
    /// output stream's buffer decides, and the caller flushes once at the end.
    /// </param>
    public static ParseOutputWriter Create(string format, TextWriter output, int columns = TableOutputWriter.DefaultColumns, bool flushEachRecord = true)
    {
        ParseOutputWriter writer = format switch
        {
            Json => JsonArray(output),
            Jsonl => JsonLines(output),
            _ => new TableOutputWriter(output, columns),
        };
        writer._flushEachRecord = flushEachRecord;
        return writer;
    }

    // Not inlined into Create: their JSON writer's fields would make every run, a table too, load System.Text.Json.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsonArrayOutputWriter JsonArray(TextWriter output) => new(output);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsonLinesOutputWriter JsonLines(TextWriter output) => new(output);

    /// <summary>
    /// Writes one record; flushes it when someone is watching (a terminal, or <c>--line-buffered</c> for a reader at
    /// the other end of a pipe), so each result shows as soon as it is ready.
    /// </summary>
    public void Write(EpisodeParse result)
    {
        WriteRecord(result);
        if (_flushEachRecord)
        {
            Output.Flush();
        }
    }

    protected abstract void WriteRecord(EpisodeParse result);

    public virtual void Complete()
    {
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
