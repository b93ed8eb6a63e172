namespace Episodic.Core.Text;

/// <summary>
/// Folds the accented Latin letters of romanised titles to their base letter (ō → o, é → e), for comparing names.
/// A small table rather than Unicode decomposition, because the tools run with invariant globalization.
/// </summary>
public static class Diacritics
{
    /// <summary>The base letter of a lower-case accented letter; any other character is returned unchanged.</summary>
    public static char Fold(char c) => c switch
    {
        'ō' or 'ô' or 'ö' or 'ò' or 'ó' or 'ø' => 'o',
        'ū' or 'û' or 'ü' or 'ù' or 'ú' => 'u',
        'ā' or 'â' or 'ä' or 'à' or 'á' or 'å' => 'a',
        'ē' or 'ê' or 'ë' or 'è' or 'é' => 'e',
        'ī' or 'î' or 'ï' or 'ì' or 'í' => 'i',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    };
}
