using Episodic.Core.Parsing.Tokens;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// The tokenizer reuses token objects per thread. A reused token must read exactly as a new one (no kind, consumed
/// flag or cached answer left from the previous name), and a scratch rented while another is out must not share it.
/// </summary>
public sealed class TokenScratchTests
{
    private static string Describe(IEnumerable<Token> tokens) =>
        string.Join("|", tokens.Select(t => $"{t.Text},{t.Start},{t.Sep},{t.Group},{t.Opener},{t.Kind},{t.Consumed},{t.IsDigits},{t.IsNoiseWord},{t.SpacedDashBefore}"));

    [Fact]
    public void Reused_tokens_read_as_new_tokens()
    {
        const string first = "[Grp] Show - 05 [720p][ABCD1234]";
        const string second = "Other.Show.2019.S01E02.x264";
        var scratch = TokenScratch.Rent();
        foreach (var t in Tokenizer.Tokenize(first, scratch))
        {
            // Everything a rule may set on a token, so the next name's tokens start from dirty objects.
            t.Kind = TokenKind.Noise;
            t.Consumed = true;
            _ = t.IsNoiseWord;
            _ = t.SpacedDashBefore;
        }

        scratch.Return();
        var again = TokenScratch.Rent();
        try
        {
            Assert.Same(scratch, again);
            Assert.Equal(Describe(Tokenizer.Tokenize(second)), Describe(Tokenizer.Tokenize(second, again)));
        }
        finally
        {
            again.Return();
        }
    }

    [Fact]
    public void A_scratch_rented_while_one_is_out_shares_no_tokens()
    {
        var outer = TokenScratch.Rent();
        try
        {
            var outerTokens = Tokenizer.Tokenize("Show.S01E02.720p", outer).ToArray();
            var before = Describe(outerTokens);
            var inner = TokenScratch.Rent();
            try
            {
                Assert.NotSame(outer, inner);
                var innerTokens = Tokenizer.Tokenize("Another Name - 07 [1080p]", inner);
                Assert.DoesNotContain(innerTokens, t => outerTokens.Contains(t));
            }
            finally
            {
                inner.Return();
            }

            Assert.Equal(before, Describe(outerTokens));
        }
        finally
        {
            outer.Return();
        }
    }

    [Fact]
    public void A_long_name_grows_the_scratch_past_its_first_size()
    {
        var name = string.Join(".", Enumerable.Range(0, 40).Select(i => $"w{i}"));
        var scratch = TokenScratch.Rent();
        try
        {
            Assert.Equal(Describe(Tokenizer.Tokenize(name)), Describe(Tokenizer.Tokenize(name, scratch)));
        }
        finally
        {
            scratch.Return();
        }
    }
}
