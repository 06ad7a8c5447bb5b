using System.Collections.Immutable;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Abstractions.Progress;

// What readers get from a progress grain: the summary view, the item table, a figure's explanation.

[GenerateSerializer, Immutable, Alias("gov.SummaryView")]
public readonly record struct SummaryViewSurrogate(
    [property: Id(0)] SubtreeSummary Summary,
    [property: Id(1)] int Light,
    [property: Id(2)] AssessmentScore Score,
    [property: Id(3)] ImmutableArray<RankedBody> Ranking,
    [property: Id(4)] long Epoch,
    [property: Id(5)] long Sequence);

[RegisterConverter]
public sealed class SummaryViewConverter : IConverter<SummaryView, SummaryViewSurrogate>
{
    public SummaryView ConvertFromSurrogate(in SummaryViewSurrogate s) =>
        new(s.Summary, (ProgressLight)s.Light, s.Score, s.Ranking.IsDefault ? [] : s.Ranking, s.Epoch, s.Sequence);

    public SummaryViewSurrogate ConvertToSurrogate(in SummaryView v) =>
        new(v.Summary, (int)v.Light, v.Score, v.Ranking, v.Epoch, v.Sequence);
}

[GenerateSerializer, Immutable, Alias("gov.SubtreeSummary")]
public readonly record struct SubtreeSummarySurrogate(
    [property: Id(0)] string BodyId,
    [property: Id(1)] int Year,
    [property: Id(2)] SummaryCounts Counts,
    [property: Id(3)] SummaryExtremes Extremes);

[RegisterConverter]
public sealed class SubtreeSummaryConverter : IConverter<SubtreeSummary, SubtreeSummarySurrogate>
{
    public SubtreeSummary ConvertFromSurrogate(in SubtreeSummarySurrogate s) => new(s.BodyId, s.Year, s.Counts, s.Extremes);

    public SubtreeSummarySurrogate ConvertToSurrogate(in SubtreeSummary v) => new(v.BodyId, v.Year, v.Counts, v.Extremes);
}

[GenerateSerializer, Immutable, Alias("gov.AssessmentScore")]
public readonly record struct AssessmentScoreSurrogate(
    [property: Id(0)] double Score,
    [property: Id(1)] double OnTimeShare,
    [property: Id(2)] double CompletionShare,
    [property: Id(3)] double AcceptedShare,
    [property: Id(4)] double OverdueShare,
    [property: Id(5)] long OverdueItems);

[RegisterConverter]
public sealed class AssessmentScoreConverter : IConverter<AssessmentScore, AssessmentScoreSurrogate>
{
    public AssessmentScore ConvertFromSurrogate(in AssessmentScoreSurrogate s) =>
        new(s.Score, s.OnTimeShare, s.CompletionShare, s.AcceptedShare, s.OverdueShare, s.OverdueItems);

    public AssessmentScoreSurrogate ConvertToSurrogate(in AssessmentScore v) =>
        new(v.Score, v.OnTimeShare, v.CompletionShare, v.AcceptedShare, v.OverdueShare, v.OverdueItems);
}

[GenerateSerializer, Immutable, Alias("gov.RankedBody")]
public readonly record struct RankedBodySurrogate(
    [property: Id(0)] int Rank,
    [property: Id(1)] string BodyId,
    [property: Id(2)] AssessmentScore Score);

[RegisterConverter]
public sealed class RankedBodyConverter : IConverter<RankedBody, RankedBodySurrogate>
{
    public RankedBody ConvertFromSurrogate(in RankedBodySurrogate s) => new(s.Rank, s.BodyId, s.Score);

    public RankedBodySurrogate ConvertToSurrogate(in RankedBody v) => new(v.Rank, v.BodyId, v.Score);
}

[GenerateSerializer, Immutable, Alias("gov.ProgressTable")]
public readonly record struct ProgressTableSurrogate(
    [property: Id(0)] string BodyId,
    [property: Id(1)] int Year,
    [property: Id(2)] DateOnly AsOf,
    [property: Id(3)] ImmutableArray<ItemStanding> Items,
    [property: Id(4)] int OverdueItems);

[RegisterConverter]
public sealed class ProgressTableConverter : IConverter<ProgressTable, ProgressTableSurrogate>
{
    public ProgressTable ConvertFromSurrogate(in ProgressTableSurrogate s) =>
        new(s.BodyId, s.Year, s.AsOf, s.Items.IsDefault ? [] : s.Items, s.OverdueItems);

    public ProgressTableSurrogate ConvertToSurrogate(in ProgressTable v) => new(v.BodyId, v.Year, v.AsOf, v.Items, v.OverdueItems);
}

[GenerateSerializer, Immutable, Alias("gov.ItemStanding")]
public readonly record struct ItemStandingSurrogate(
    [property: Id(0)] string ItemId,
    [property: Id(1)] int Status,
    [property: Id(2)] DateOnly? Deadline,
    [property: Id(3)] int Light,
    [property: Id(4)] int OverdueDays,
    [property: Id(5)] int? Percent,
    [property: Id(6)] int Weight,
    [property: Id(7)] string? ReturnReason,
    [property: Id(8)] ImmutableArray<string> Evidence,
    [property: Id(9)] string? Note,
    [property: Id(10)] int OverdueWorkingDays,
    [property: Id(11)] DateOnly? ReportedOn);

[RegisterConverter]
public sealed class ItemStandingConverter : IConverter<ItemStanding, ItemStandingSurrogate>
{
    public ItemStanding ConvertFromSurrogate(in ItemStandingSurrogate s) =>
        new(s.ItemId, (ItemStatus)s.Status, s.Deadline, (ProgressLight)s.Light, s.OverdueDays, s.Percent, s.Weight,
            s.ReturnReason, s.Evidence.IsDefault ? [] : s.Evidence)
        {
            Note = s.Note,
            OverdueWorkingDays = s.OverdueWorkingDays,
            ReportedOn = s.ReportedOn,
        };

    public ItemStandingSurrogate ConvertToSurrogate(in ItemStanding v) =>
        new(v.ItemId, (int)v.Status, v.Deadline, (int)v.Light, v.OverdueDays, v.Percent, v.Weight, v.ReturnReason,
            v.Evidence, v.Note, v.OverdueWorkingDays, v.ReportedOn);
}

[GenerateSerializer, Immutable, Alias("gov.FigureExplanation")]
public readonly record struct FigureExplanationSurrogate(
    [property: Id(0)] string BodyId,
    [property: Id(1)] int Figure,
    [property: Id(2)] long Total,
    [property: Id(3)] ImmutableArray<FigurePart> Parts);

[RegisterConverter]
public sealed class FigureExplanationConverter : IConverter<FigureExplanation, FigureExplanationSurrogate>
{
    public FigureExplanation ConvertFromSurrogate(in FigureExplanationSurrogate s) =>
        new(s.BodyId, (SummaryFigure)s.Figure, s.Total, s.Parts.IsDefault ? [] : s.Parts);

    public FigureExplanationSurrogate ConvertToSurrogate(in FigureExplanation v) => new(v.BodyId, (int)v.Figure, v.Total, v.Parts);
}

[GenerateSerializer, Immutable, Alias("gov.FigurePart")]
public readonly record struct FigurePartSurrogate(
    [property: Id(0)] int Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] long Value);

[RegisterConverter]
public sealed class FigurePartConverter : IConverter<FigurePart, FigurePartSurrogate>
{
    public FigurePart ConvertFromSurrogate(in FigurePartSurrogate s) => new((FigurePartKind)s.Kind, s.Id, s.Value);

    public FigurePartSurrogate ConvertToSurrogate(in FigurePart v) => new((int)v.Kind, v.Id, v.Value);
}
