using Episodic.Core.Model;

namespace Episodic.Cli.Output;

/// <summary>One JSON array, one object per line inside it, streamed as results arrive.</summary>
internal sealed class JsonArrayOutputWriter(TextWriter output) : ParseOutputWriter(output)
{
    private readonly JsonFragmentWriter _fragment = new();
    private bool _any;

    protected override void WriteRecord(EpisodeParse result)
    {
        Output.Write(_any ? ",\n  " : "[\n  ");
        _any = true;
        _fragment.WriteTo(Output, result);
    }

    public override void Complete() => Output.Write(_any ? "\n]\n" : "[]\n");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fragment.Dispose();
        }

        base.Dispose(disposing);
    }
}
