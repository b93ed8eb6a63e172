using Episodic.Core.Model;

namespace Episodic.Cli.Output;

/// <summary>Streams parse results to stdout in one format; <see cref="Complete"/> closes the document.</summary>
internal abstract class ParseOutputWriter(TextWriter output) : IDisposable
{
    public const string Table = "table";
    public const string Json = "json";
    public const string Jsonl = "jsonl";

    protected TextWriter Output { get; } = output;

    public static ParseOutputWriter Create(string format, TextWriter output) => format switch
    {
        Json => new JsonArrayOutputWriter(output),
        Jsonl => new JsonLinesOutputWriter(output),
        _ => new TableOutputWriter(output),
    };

    public abstract void Write(EpisodeParse result);

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
