using System.Collections.Frozen;
using Episodic.Core.Parsing.Rules;

namespace Episodic.Core.Parsing.Vocabulary;

/// <summary>
/// How explicit each marker form is, from 0 to 1: the order in which the resolver prefers readings, and the scale on
/// which a losing reading's distance from the winner (the rival's margin) is measured. Data, not code: a form missing
/// here sits at the bottom.
/// </summary>
internal static class FormPriors
{
    private static readonly FrozenDictionary<MarkerForm, double> Priors = new Dictionary<MarkerForm, double>
    {
        [MarkerForm.SxxEyy] = 0.97,
        [MarkerForm.SxxSpaceEyy] = 0.95,
        [MarkerForm.FullDate] = 0.95,
        [MarkerForm.Cross] = 0.93,
        [MarkerForm.SeasonThenEpisodeWord] = 0.93,
        [MarkerForm.SeasonThenDashNumber] = 0.9,
        [MarkerForm.SeasonThenNumber] = 0.9,
        [MarkerForm.SeasonThenNOfM] = 0.9,
        [MarkerForm.CapSeasonEpisode] = 0.9,
        [MarkerForm.SeasonPack] = 0.9,
        [MarkerForm.MultiSeasonPack] = 0.9,
        [MarkerForm.CjkEpisodeCounter] = 0.9,
        [MarkerForm.CjkEpisodeRange] = 0.9,
        [MarkerForm.EpisodeWord] = 0.88,
        [MarkerForm.BracketedNumber] = 0.86,
        [MarkerForm.DashNumber] = 0.84,
        [MarkerForm.SpecialNumbered] = 0.8,
        [MarkerForm.MiniSeriesEpisode] = 0.8,
        [MarkerForm.NOfM] = 0.8,
        [MarkerForm.HashNumber] = 0.8,
        [MarkerForm.WholeNameNumber] = 0.8,
        [MarkerForm.ShortDate] = 0.75,
        [MarkerForm.SpecialWordNumber] = 0.75,
        [MarkerForm.MiniSeriesPart] = 0.7,
        [MarkerForm.AbsoluteAfterSeasonLikeWord] = 0.7,
        [MarkerForm.BareNumber] = 0.66,
        [MarkerForm.CompactNumber] = 0.6,
        [MarkerForm.SpecialWord] = 0.5,
    }.ToFrozenDictionary();

    public static double Of(MarkerForm form) => Priors.GetValueOrDefault(form);
}
