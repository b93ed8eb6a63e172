namespace Episodic.Core.Parsing.Tokens;

/// <summary>
/// The token list and token objects of one name, kept per thread and reused by the next name: a name makes about eight
/// tokens, and making them afresh for every name was a large share of the parser's garbage. A scratch is rented for one
/// <see cref="NameReader"/> read and returned when the reading is built; nothing the reading keeps points at a token.
/// A rent while the thread's scratch is out (a read inside a read) gets a fresh scratch, so the two never share tokens.
/// </summary>
internal sealed class TokenScratch
{
    [ThreadStatic]
    private static TokenScratch? t_scratch;

    private Token[] _tokens = new Token[16];
    private int _made;
    private int _used;
    private bool _rented;

    /// <summary>The list the tokenizer fills; cleared on every rent.</summary>
    public List<Token> List { get; } = new(16);

    public static TokenScratch Rent()
    {
        var scratch = t_scratch ??= new TokenScratch();
        if (scratch._rented)
        {
            scratch = new TokenScratch();
        }

        scratch._rented = true;
        scratch._used = 0;
        scratch.List.Clear();
        return scratch;
    }

    /// <summary>Gives the scratch back; its tokens are the next name's, so the caller must hold none of them.</summary>
    public void Return()
    {
        List.Clear();
        _rented = false;
    }

    /// <summary>The next token object, reset to the token described (as a new <see cref="Token"/> would be), with the shape the tokenizer read.</summary>
    public Token Next(string text, int start, string sep, int group, char opener, (bool Digits, bool AnyDigit, bool Ascii) shape)
    {
        if (_used == _made)
        {
            if (_made == _tokens.Length)
            {
                Array.Resize(ref _tokens, _tokens.Length * 2);
            }

            _tokens[_made++] = new Token();
        }

        var token = _tokens[_used++];
        token.Reset(text, start, sep, group, opener, shape);
        return token;
    }
}
