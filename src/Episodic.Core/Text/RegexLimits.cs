namespace Episodic.Core.Text;

/// <summary>
/// The match timeout of every regular expression, declared once. The patterns are linear or run on short tokens, so
/// the timeout only guards against the pathological; it is generous because a loaded machine (a CI box at load 19 on
/// 2 cores was seen) can stall a thread for more than 100 ms, which made names parse as nothing and tests fail.
/// </summary>
public static class RegexLimits
{
    public const int TimeoutMs = 2000;
}
