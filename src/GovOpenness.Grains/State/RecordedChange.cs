using GovOpenness.Abstractions.Plans;

namespace GovOpenness.Grains.State;

/// <summary>
/// A stored localization: the change, plus the parent's value it replaced. The replaced value is the
/// merge base (see the domain's BaseValueMerge), so a parent revision can be merged three ways without
/// keeping old parent versions.
/// </summary>
public sealed record RecordedChange(
    ItemChange Change,
    DateOnly? FromDeadline,
    IReadOnlyList<string>? FromUnits,
    string? FromText,
    string? FromHeading = null);
