namespace GovOpenness.Domain.Alignment;

/// <summary>The thresholds of the alignment; the defaults were set on real parent/child plans.</summary>
public sealed record AlignmentOptions
{
    public static readonly AlignmentOptions Default = new();

    /// <summary>Lowest score at which the one-to-one backbone keeps a pair.</summary>
    public double MatchThreshold { get; init; } = 0.24;

    /// <summary>Lowest score at which a second parent (merge) or a second child (split) is linked.</summary>
    public double ExtraLinkThreshold { get; init; } = 0.24;

    /// <summary>
    /// An extra link must show that a real part of one item is found in the other: at least this share
    /// of the smaller side's sentences.
    /// </summary>
    public double ExtraLinkCoverage { get; init; } = 0.3;

    /// <summary>Below this confidence a pair is shown as doubtful, for a person to review.</summary>
    public double DoubtfulBelow { get; init; } = 0.6;

    /// <summary>Text similarity (0–1) at or above which a pair's wording counts as unchanged.</summary>
    public double UnchangedSimilarity { get; init; } = 0.9;

    /// <summary>
    /// Up to this many child × parent pairs in a tier, every pair is scored (every real plan); beyond it,
    /// each item's nearest candidates only (<see cref="CandidatePairs"/>), so huge documents cost their size.
    /// </summary>
    public int ScoreEveryPairUpTo { get; init; } = CandidatePairs.DensePairLimit;
}
