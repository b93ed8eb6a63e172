using Episodic.Core.Model;

namespace Episodic.Cli.Output;

/// <summary>Streams parse results to stdout in one format; <see cref="Complete"/> closes the document.</summary>
internal abstract class ParseOutputWriter(TextWriter output) : IDisposable
{
    public const string Table = "table";
    public const string Json = "json";
    public const string Jsonl = "jsonl";

    protected TextWriter Output { get; } = output;

    /// <param name="columns">Terminal width the table fits (display cells).</param>
    public static ParseOutputWriter Create(string format, TextWriter output, int columns = TableOutputWriter.DefaultColumns) => format switch
    {
        Json => new JsonArrayOutputWriter(output),
        Jsonl => new JsonLinesOutputWriter(output),
        _ => new TableOutputWriter(output, columns),
    };

    /// <summary>Writes one record and flushes it, so a reader of a pipe (or a person) sees each result as it is ready.</summary>
    public void Write(EpisodeParse result)
    {
        WriteRecord(result);
        Output.Flush();
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
