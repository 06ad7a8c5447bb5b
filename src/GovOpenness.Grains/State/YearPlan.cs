using GovOpenness.Abstractions.Plans;

namespace GovOpenness.Grains.State;

/// <summary>
/// What a body itself decided for one year: its own document (if it publishes one), or its changes
/// against its parent's plan and its policy. Never a copy of the parent's plan.
/// </summary>
public sealed class YearPlan
{
    /// <summary>The body's own document, when it is the origin of the year's plan.</summary>
    public PublishPlanCommand? Own { get; set; }

    public int OwnVersion { get; set; }

    public List<RecordedChange> Changes { get; set; } = [];

    /// <summary>Set by this body for itself and everything below it.</summary>
    public LocalizationPolicyData? Policy { get; set; }

    /// <summary>Bumped by every localization, so the stamp of this body's plan changes with it.</summary>
    public int LocalRevision { get; set; }

    /// <summary>The parent version the changes were last merged onto (the exactly-once key of a rebase).</summary>
    public string? BasedOnStamp { get; set; }

    public List<PlanConflict> Conflicts { get; set; } = [];

    /// <summary>Every parent version the changes were rebased onto, oldest first (kept short).</summary>
    public List<string> RebaseHistory { get; set; } = [];
}
