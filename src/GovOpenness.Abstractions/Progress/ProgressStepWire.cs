using System.Collections.Immutable;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Abstractions.Progress;

// The domain stays free of Orleans: its progress records cross grain calls through these surrogates
// and converters (one each, registered by [RegisterConverter]). Enums travel as their numbers. Never
// renumber an [Id]: silos of two versions talk to each other during a rolling upgrade.

[GenerateSerializer, Immutable, Alias("gov.ProgressUpdate")]
public readonly record struct ProgressUpdateSurrogate(
    [property: Id(0)] int Year,
    [property: Id(1)] string ItemId,
    [property: Id(2)] int Step,
    [property: Id(3)] int? Percent,
    [property: Id(4)] string? Note,
    [property: Id(5)] ImmutableArray<string> Evidence,
    [property: Id(6)] string? RequestId,
    [property: Id(7)] string? Actor);

[RegisterConverter]
public sealed class ProgressUpdateConverter : IConverter<ProgressUpdate, ProgressUpdateSurrogate>
{
    public ProgressUpdate ConvertFromSurrogate(in ProgressUpdateSurrogate s) =>
        new(s.Year, s.ItemId, (ProgressStep)s.Step, s.Percent, s.Note, s.Evidence, s.RequestId, s.Actor);

    public ProgressUpdateSurrogate ConvertToSurrogate(in ProgressUpdate v) =>
        new(v.Year, v.ItemId, (int)v.Step, v.Percent, v.Note, v.Evidence, v.RequestId, v.Actor);
}

[GenerateSerializer, Immutable, Alias("gov.ProgressOutcome")]
public readonly record struct ProgressOutcomeSurrogate(
    [property: Id(0)] int Kind,
    [property: Id(1)] ItemProgress Item,
    [property: Id(2)] string? Message);

[RegisterConverter]
public sealed class ProgressOutcomeConverter : IConverter<ProgressOutcome, ProgressOutcomeSurrogate>
{
    public ProgressOutcome ConvertFromSurrogate(in ProgressOutcomeSurrogate s) => new((ProgressOutcomeKind)s.Kind, s.Item, s.Message);

    public ProgressOutcomeSurrogate ConvertToSurrogate(in ProgressOutcome v) => new((int)v.Kind, v.Item, v.Message);
}

[GenerateSerializer, Immutable, Alias("gov.ItemProgress")]
public readonly record struct ItemProgressSurrogate(
    [property: Id(0)] string ItemId,
    [property: Id(1)] int Status,
    [property: Id(2)] int? Percent,
    [property: Id(3)] string? Note,
    [property: Id(4)] ImmutableArray<string> Evidence,
    [property: Id(5)] string? ReturnReason,
    [property: Id(6)] int ReturnCount,
    [property: Id(7)] DateOnly? AcknowledgedOn,
    [property: Id(8)] DateOnly? ReportedOn,
    [property: Id(9)] DateOnly? ClosedOn,
    [property: Id(10)] int Version,
    [property: Id(11)] ImmutableArray<string> RecentRequestIds);

[RegisterConverter]
public sealed class ItemProgressConverter : IConverter<ItemProgress, ItemProgressSurrogate>
{
    public ItemProgress ConvertFromSurrogate(in ItemProgressSurrogate s) => new(s.ItemId)
    {
        Status = (ItemStatus)s.Status,
        Percent = s.Percent,
        Note = s.Note,
        Evidence = s.Evidence.IsDefault ? [] : s.Evidence,
        ReturnReason = s.ReturnReason,
        ReturnCount = s.ReturnCount,
        AcknowledgedOn = s.AcknowledgedOn,
        ReportedOn = s.ReportedOn,
        ClosedOn = s.ClosedOn,
        Version = s.Version,
        RecentRequestIds = s.RecentRequestIds.IsDefault ? [] : s.RecentRequestIds,
    };

    public ItemProgressSurrogate ConvertToSurrogate(in ItemProgress v) =>
        new(v.ItemId, (int)v.Status, v.Percent, v.Note, v.Evidence, v.ReturnReason, v.ReturnCount,
            v.AcknowledgedOn, v.ReportedOn, v.ClosedOn, v.Version, v.RecentRequestIds);
}
