namespace GovOpenness.Domain.Alignment;

/// <summary>The thresholds of the alignment; the defaults were set on real parent/child plans.</summary>
public sealed record AlignmentOptions
{
    public static readonly AlignmentOptions Default = new();

    /// <summary>
    /// A body's plan against its own previous year's (回头看). A new year's plan is re-issued, not copied:
    /// 山西省 2022 (001) regrouped 2021's (003) tasks under 以公开促落实/法治/服务/廉政/规范 and rewrote
    /// them, so a task carried over shares far less wording than a lower body's copy of its parent's, and
    /// the default threshold matched 2 of 25 (8 %). Pairs scoring 0.16–0.24 are kept here with a low
    /// confidence, shown as doubtful for a person to confirm: on 003 → 001 that adds 2.1 → 5.2
    /// (依申请公开答复) and 1.3 → 5.4 (标准化规范化 = “两化”), all right; 0.12 already adds a wrong pair.
    /// Extra links (merges, splits) keep the default bar.
    /// </summary>
    public static readonly AlignmentOptions YearOverYear = new() { MatchThreshold = 0.16 };

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
