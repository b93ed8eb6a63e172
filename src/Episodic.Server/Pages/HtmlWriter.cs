using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Episodic.Server.Pages;

/// <summary>
/// Builds the pages' HTML so that nothing a file name, title or reasoning holds can become markup: tag and attribute
/// names are compile-time constants (<see cref="ConstantExpectedAttribute"/>, checked by the analyzers), and every
/// value — text or attribute — goes through the HTML encoder. There is no entry for raw markup from a variable, so
/// <c>&lt;img src=x onerror=…&gt;.S01E01.mkv</c> can only ever be shown as itself. No Razor: nothing reflective for
/// the native AOT build.
/// </summary>
internal sealed class HtmlWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private readonly StringBuilder _html = new(16 * 1024);

    private bool _inTag;

    /// <summary>Opens an element; attributes follow with <see cref="Attr"/> until content or the end.</summary>
    public HtmlWriter Open([ConstantExpected] string tag)
    {
        CloseStartTag();
        _html.Append('<').Append(tag);
        _inTag = true;
        return this;
    }

    /// <summary>An element with only text in it: <c>&lt;tag&gt;text&lt;/tag&gt;</c>.</summary>
    public HtmlWriter Element([ConstantExpected] string tag, string? text) => Open(tag).Text(text).Close(tag);

    /// <summary>An attribute of the element just opened; its value is encoded. Null leaves it out.</summary>
    public HtmlWriter Attr([ConstantExpected] string name, string? value)
    {
        if (!_inTag)
        {
            throw new InvalidOperationException($"attribute '{name}' outside a start tag");
        }

        if (value is not null)
        {
            _html.Append(' ').Append(name).Append("=\"");
            _html.Append(Encoder.Encode(value));
            _html.Append('"');
        }

        return this;
    }

    public HtmlWriter Attr([ConstantExpected] string name, int value) => Attr(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A hidden form field: <c>&lt;input type="hidden" name=… value=…&gt;</c>, both encoded.</summary>
    public HtmlWriter Hidden(string name, string? value) =>
        Open("input").Attr("type", "hidden").Attr("name", name).Attr("value", value).Void();

    /// <summary>The header row of the table just opened (<c>thead</c> with one <c>th</c> a heading), then opens its <c>tbody</c>.</summary>
    public HtmlWriter Headings(params ReadOnlySpan<string> headings)
    {
        Open("thead").Open("tr");
        foreach (var heading in headings)
        {
            Element("th", heading);
        }

        return Close("tr").Close("thead").Open("tbody");
    }

    /// <summary>A boolean attribute (<c>checked</c>, <c>required</c>) when <paramref name="on"/>.</summary>
    public HtmlWriter Flag([ConstantExpected] string name, bool on = true)
    {
        if (on)
        {
            _ = Attr(name, "");
            _html.Length -= 3; // name="" -> name
        }

        return this;
    }

    /// <summary>Text content, always encoded.</summary>
    public HtmlWriter Text(string? text)
    {
        CloseStartTag();
        if (!string.IsNullOrEmpty(text))
        {
            _html.Append(Encoder.Encode(text));
        }

        return this;
    }

    public HtmlWriter Text(int value) => Text(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Ends the element <paramref name="tag"/> (void elements need no close: <see cref="Void"/>).</summary>
    public HtmlWriter Close([ConstantExpected] string tag)
    {
        CloseStartTag();
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Ends the start tag of a void element (<c>input</c>, <c>meta</c>, <c>link</c>).</summary>
    public HtmlWriter Void()
    {
        CloseStartTag();
        return this;
    }

    /// <summary>The document so far.</summary>
    public override string ToString()
    {
        CloseStartTag();
        return _html.ToString();
    }

    private void CloseStartTag()
    {
        if (_inTag)
        {
            _html.Append('>');
            _inTag = false;
        }
    }
}
