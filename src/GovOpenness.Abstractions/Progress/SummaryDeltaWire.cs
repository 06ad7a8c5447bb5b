using System.Collections.Immutable;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Abstractions.Progress;

// What flows up between progress grains: a child's delta and the parent's receipt.

[GenerateSerializer, Immutable, Alias("gov.SummaryDelta")]
public readonly record struct SummaryDeltaSurrogate(
    [property: Id(0)] string ChildId,
    [property: Id(1)] int Year,
    [property: Id(2)] long Epoch,
    [property: Id(3)] long BaseSequence,
    [property: Id(4)] long Sequence,
    [property: Id(5)] SummaryCounts Counts,
    [property: Id(6)] SummaryExtremes? Extremes);

[RegisterConverter]
public sealed class SummaryDeltaConverter : IConverter<SummaryDelta, SummaryDeltaSurrogate>
{
    public SummaryDelta ConvertFromSurrogate(in SummaryDeltaSurrogate s) =>
        new(s.ChildId, s.Year, s.Epoch, s.BaseSequence, s.Sequence, s.Counts, s.Extremes);

    public SummaryDeltaSurrogate ConvertToSurrogate(in SummaryDelta v) =>
        new(v.ChildId, v.Year, v.Epoch, v.BaseSequence, v.Sequence, v.Counts, v.Extremes);
}

/// <summary>The counts travel as their figures in <see cref="SummaryFigure"/> order.</summary>
[GenerateSerializer, Immutable, Alias("gov.SummaryCounts")]
public readonly record struct SummaryCountsSurrogate([property: Id(0)] long[] Values);

[RegisterConverter]
public sealed class SummaryCountsConverter : IConverter<SummaryCounts, SummaryCountsSurrogate>
{
    public SummaryCounts ConvertFromSurrogate(in SummaryCountsSurrogate s) => SummaryCounts.From(s.Values ?? []);

    public SummaryCountsSurrogate ConvertToSurrogate(in SummaryCounts v) => new(v.Values.ToArray());
}

[GenerateSerializer, Immutable, Alias("gov.SummaryExtremes")]
public readonly record struct SummaryExtremesSurrogate(
    [property: Id(0)] int MaxPublishDelayDays,
    [property: Id(1)] int MaxOverdueDays,
    [property: Id(2)] ImmutableArray<Offender> Offenders);

[RegisterConverter]
public sealed class SummaryExtremesConverter : IConverter<SummaryExtremes, SummaryExtremesSurrogate>
{
    public SummaryExtremes ConvertFromSurrogate(in SummaryExtremesSurrogate s) => new(s.MaxPublishDelayDays, s.MaxOverdueDays, s.Offenders);

    public SummaryExtremesSurrogate ConvertToSurrogate(in SummaryExtremes v) => new(v.MaxPublishDelayDays, v.MaxOverdueDays, v.Offenders);
}

[GenerateSerializer, Immutable, Alias("gov.Offender")]
public readonly record struct OffenderSurrogate(
    [property: Id(0)] string BodyId,
    [property: Id(1)] int OverdueItems,
    [property: Id(2)] long OverdueDaysSum,
    [property: Id(3)] int MaxOverdueDays);

[RegisterConverter]
public sealed class OffenderConverter : IConverter<Offender, OffenderSurrogate>
{
    public Offender ConvertFromSurrogate(in OffenderSurrogate s) => new(s.BodyId, s.OverdueItems, s.OverdueDaysSum, s.MaxOverdueDays);

    public OffenderSurrogate ConvertToSurrogate(in Offender v) => new(v.BodyId, v.OverdueItems, v.OverdueDaysSum, v.MaxOverdueDays);
}

[GenerateSerializer, Immutable, Alias("gov.DeltaReceipt")]
public readonly record struct DeltaReceiptSurrogate(
    [property: Id(0)] int Outcome,
    [property: Id(1)] long Epoch,
    [property: Id(2)] long AppliedThrough);

[RegisterConverter]
public sealed class DeltaReceiptConverter : IConverter<DeltaReceipt, DeltaReceiptSurrogate>
{
    public DeltaReceipt ConvertFromSurrogate(in DeltaReceiptSurrogate s) => new((DeltaOutcome)s.Outcome, s.Epoch, s.AppliedThrough);

    public DeltaReceiptSurrogate ConvertToSurrogate(in DeltaReceipt v) => new((int)v.Outcome, v.Epoch, v.AppliedThrough);
}
