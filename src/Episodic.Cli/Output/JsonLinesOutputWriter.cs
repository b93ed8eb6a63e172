using Episodic.Core.Model;

namespace Episodic.Cli.Output;

/// <summary>One compact JSON object per line.</summary>
internal sealed class JsonLinesOutputWriter(TextWriter output) : ParseOutputWriter(output)
{
    private readonly JsonFragmentWriter _fragment = new();

    protected override void WriteRecord(EpisodeParse result)
    {
        _fragment.WriteTo(Output, result);
        Output.Write('\n');
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fragment.Dispose();
        }

        base.Dispose(disposing);
    }
}
