namespace GovOpenness.Domain.Progress;

/// <summary>
/// The additive figures of a subtree summary. Each is a plain sum over bodies and items, so a
/// difference of two summaries is a delta and deltas compose. In JSON each is a camelCase property of
/// <see cref="SummaryCounts"/>. Values index stored arrays: append only, never renumber.
/// </summary>
public enum SummaryFigure
{
    /// <summary>Bodies in the subtree, the body itself included.</summary>
    Bodies = 0,

    /// <summary>Bodies the plan was delivered to.</summary>
    BodiesReceived = 1,

    /// <summary>Bodies that settled their localization (adopting all counts).</summary>
    BodiesLocalized = 2,

    /// <summary>Bodies that published their own plan.</summary>
    BodiesPublished = 3,

    /// <summary>Sum over received bodies of days from the parent's issue to receipt.</summary>
    ReceiveDelayDaysSum = 4,

    /// <summary>Sum over published bodies of days from the parent's issue to their own publication.</summary>
    PublishDelayDaysSum = 5,

    /// <summary>Bodies with at least one red item.</summary>
    BodiesWithOverdue = 6,

    /// <summary>Bodies with at least one yellow item (and none red counts here too).</summary>
    BodiesWithDueSoon = 7,

    /// <summary>Items, counted once per body that carries them out.</summary>
    Items = 8,

    ItemsPending = 9,
    ItemsAcknowledged = 10,
    ItemsInProgress = 11,
    ItemsReported = 12,
    ItemsClosed = 13,

    /// <summary>Items sent back and not reported again; a subset of <see cref="ItemsInProgress"/>.</summary>
    ItemsReturned = 14,

    /// <summary>Red: deadline passed, not reported.</summary>
    ItemsOverdue = 15,

    /// <summary>Yellow: at most three working days left, not reported.</summary>
    ItemsDueSoon = 16,

    /// <summary>Sum over red items of calendar days past the deadline.</summary>
    OverdueDaysSum = 17,

    /// <summary>Reported or closed items whose last report came on or before the deadline (or that
    /// have none).</summary>
    ItemsDoneOnTime = 18,

    /// <summary>Reported or closed items whose last report came after the deadline.</summary>
    ItemsDoneLate = 19,

    /// <summary>Times the parent sent items back, over the year.</summary>
    Returns = 20,

    /// <summary>Sum of item weights.</summary>
    WeightTotal = 21,

    /// <summary>Weight of reported or closed items.</summary>
    WeightDone = 22,

    /// <summary>Weight of closed items.</summary>
    WeightClosed = 23,

    /// <summary>Sum of weight × percent (reported and closed count 100): weighted progress × 100.</summary>
    WeightedPercentSum = 24,
}
