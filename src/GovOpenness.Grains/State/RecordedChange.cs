using GovOpenness.Abstractions.Plans;

namespace GovOpenness.Grains.State;

/// <summary>
/// A stored localization: the change, plus the parent's item it was made on and the value it replaced.
/// They are the merge base (the domain's BaseValueMerge records them, ThreeWayMerge merges from them), so a
/// parent revision can be merged three ways without keeping old parent versions.
/// </summary>
/// <param name="FromItem">The parent's item as it was (for an added item: the item it follows); null in
/// changes stored before it was kept, which merge from the replaced values alone.</param>
public sealed record RecordedChange(
    ItemChange Change,
    DateOnly? FromDeadline,
    IReadOnlyList<string>? FromUnits,
    string? FromText,
    string? FromHeading = null,
    PlanItemData? FromItem = null);
