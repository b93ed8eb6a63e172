using System.Buffers;
using System.Text;
using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Core.Text;

namespace Episodic.Cli.Output;

/// <summary>Serializes one <see cref="EpisodeParse"/> at a time to compact JSON, reusing its buffers.</summary>
internal sealed class JsonFragmentWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JsonTextEncoder.Instance };
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private char[] _chars = new char[1024];

    public JsonFragmentWriter() => _json = new Utf8JsonWriter(_buffer, Options);

    public void WriteTo(TextWriter output, EpisodeParse result)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        EpisodeParseJsonWriter.Write(_json, result);
        _json.Flush();
        var bytes = _buffer.WrittenSpan;
        var needed = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_chars.Length < needed)
        {
            _chars = new char[needed];
        }

        var n = Encoding.UTF8.GetChars(bytes, _chars);
        output.Write(_chars, 0, n);
    }

    public void Dispose() => _json.Dispose();
}
