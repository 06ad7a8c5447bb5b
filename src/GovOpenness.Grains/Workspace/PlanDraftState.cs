using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Workspace;

namespace GovOpenness.Grains.Workspace;

/// <summary>
/// A saved draft: only the body's changes against its parent's plan (never a copy of that plan), so a
/// draft is as small as the localization it becomes. Empty (version 0) when nothing is saved.
/// </summary>
public sealed class PlanDraftState
{
    public int Version { get; set; }

    public List<DraftChange> Changes { get; set; } = [];

    public LocalizationPolicyData? Policy { get; set; }

    public DateTimeOffset? SavedAt { get; set; }

    public string? SavedBy { get; set; }

    /// <summary>True once the saved changes were published (kept so the editor sees what went out).</summary>
    public bool Published { get; set; }
}

/// <summary>The urges a body received, newest last; the oldest go beyond <see cref="UrgeBoxGrain.Kept"/>.</summary>
public sealed class UrgeBoxState
{
    public List<UrgeNote> Urges { get; set; } = [];
}
