using GovOpenness.Abstractions.Plans;

namespace GovOpenness.Grains.State;

/// <summary>
/// Every version of what a body itself decided for a year (its own document, or its changes and policy
/// against its parent's plan), with the instant it took effect: enough to derive the plan as it stood at
/// any earlier time, with the parent's history answering for the parent's part. Stored apart from the
/// <see cref="PlanBook"/> and read only to append or to answer an as-of question, so the state every
/// activation reads stays small; an entry is one of the body's own writes (a few a year), never a copy of
/// its parent's plan.
/// </summary>
public sealed class PlanHistory
{
    public Dictionary<int, List<PlanVersionEntry>> Years { get; set; } = [];
}

/// <summary>One version of a body's own part of a year's plan, from <see cref="At"/> on.</summary>
public sealed class PlanVersionEntry
{
    public DateTimeOffset At { get; set; }

    public PublishPlanCommand? Own { get; set; }

    public int OwnVersion { get; set; }

    public List<RecordedChange> Changes { get; set; } = [];

    public LocalizationPolicyData? Policy { get; set; }

    public int LocalRevision { get; set; }

    public static PlanVersionEntry Of(YearPlan year, DateTimeOffset at) => new()
    {
        At = at,
        Own = year.Own,
        OwnVersion = year.OwnVersion,
        Changes = [.. year.Changes],
        Policy = year.Policy,
        LocalRevision = year.LocalRevision,
    };

    /// <summary>Whether this entry is the version <paramref name="year"/> holds now (so a retry need not append it).</summary>
    public bool IsVersionOf(YearPlan year) => OwnVersion == year.OwnVersion && LocalRevision == year.LocalRevision;
}
