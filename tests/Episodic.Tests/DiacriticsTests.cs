using Episodic.Core.Text;
using Xunit;

namespace Episodic.Tests;

/// <summary>Diacritic folding covers the letters that decompose and the ones that do not (ł ø æ ß đ ...).</summary>
public sealed class DiacriticsTests
{
    [Theory]
    [InlineData("Pokémon", "Pokemon")]
    [InlineData("Shingeki no Kyojin: Ōtsuki", "Shingeki no Kyojin: Otsuki")]
    [InlineData("Šeherezáda", "Seherezada")]
    [InlineData("Łódź", "Lodz")]
    [InlineData("Dřevo a řeka", "Drevo a reka")]
    [InlineData("Skam Norsk Ørn", "Skam Norsk Orn")]
    [InlineData("Æon Flux", "AEon Flux")]
    [InlineData("Die Straße", "Die Strasse")]
    [InlineData("Đorđe", "Dorde")]
    [InlineData("Þórr", "THorr")]
    [InlineData("Œuvre", "OEuvre")]
    [InlineData("Tiếng Việt", "Tieng Viet")]
    [InlineData("Çà et là, ñandú", "Ca et la, nandu")]
    [InlineData("Plain ASCII 123", "Plain ASCII 123")]
    [InlineData("葬送のフリーレン", "葬送のフリーレン")]
    public void Folds_to_ascii_letters_and_leaves_other_scripts_alone(string input, string expected) =>
        Assert.Equal(expected, Diacritics.Fold(input));

    [Fact]
    public void A_combining_mark_is_dropped()
    {
        Assert.Equal("Pokemon", Diacritics.Fold("Poke\u0301mon"));
    }
}
