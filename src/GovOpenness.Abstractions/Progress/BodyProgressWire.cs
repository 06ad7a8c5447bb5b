using System.Collections.Immutable;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Abstractions.Progress;

// A body's own progress record, as the reader grain hands it out (replays compare it with the engine).

[GenerateSerializer, Immutable, Alias("gov.BodyProgress")]
public readonly record struct BodyProgressSurrogate(
    [property: Id(0)] string BodyId,
    [property: Id(1)] int Year,
    [property: Id(2)] string? ParentBodyId,
    [property: Id(3)] PlanMilestones Milestones,
    [property: Id(4)] ImmutableArray<ItemTarget> Targets,
    [property: Id(5)] ImmutableArray<ItemProgress> Items);

[RegisterConverter]
public sealed class BodyProgressConverter : IConverter<BodyProgress, BodyProgressSurrogate>
{
    public BodyProgress ConvertFromSurrogate(in BodyProgressSurrogate s) => new(s.BodyId, s.Year, s.ParentBodyId)
    {
        Milestones = s.Milestones ?? PlanMilestones.None,
        Targets = s.Targets.IsDefault ? [] : s.Targets,
        Items = s.Items.IsDefault ? [] : s.Items,
    };

    public BodyProgressSurrogate ConvertToSurrogate(in BodyProgress v) =>
        new(v.BodyId, v.Year, v.ParentBodyId, v.Milestones, v.Targets, v.Items);
}

[GenerateSerializer, Immutable, Alias("gov.PlanMilestones")]
public readonly record struct PlanMilestonesSurrogate(
    [property: Id(0)] DateOnly? ParentIssuedOn,
    [property: Id(1)] DateOnly? ReceivedOn,
    [property: Id(2)] DateOnly? LocalizedOn,
    [property: Id(3)] DateOnly? PublishedOn);

[RegisterConverter]
public sealed class PlanMilestonesConverter : IConverter<PlanMilestones, PlanMilestonesSurrogate>
{
    public PlanMilestones ConvertFromSurrogate(in PlanMilestonesSurrogate s) => new(s.ParentIssuedOn, s.ReceivedOn, s.LocalizedOn, s.PublishedOn);

    public PlanMilestonesSurrogate ConvertToSurrogate(in PlanMilestones v) => new(v.ParentIssuedOn, v.ReceivedOn, v.LocalizedOn, v.PublishedOn);
}

[GenerateSerializer, Immutable, Alias("gov.ItemTarget")]
public readonly record struct ItemTargetSurrogate(
    [property: Id(0)] string ItemId,
    [property: Id(1)] DateOnly? Deadline,
    [property: Id(2)] int Weight);

[RegisterConverter]
public sealed class ItemTargetConverter : IConverter<ItemTarget, ItemTargetSurrogate>
{
    public ItemTarget ConvertFromSurrogate(in ItemTargetSurrogate s) => new(s.ItemId, s.Deadline, s.Weight);

    public ItemTargetSurrogate ConvertToSurrogate(in ItemTarget v) => new(v.ItemId, v.Deadline, v.Weight);
}
