using GovOpenness.Abstractions;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Server.Desk;

/// <summary>
/// The reads behind <c>asOf=</c> on the summary, explanation and progress endpoints, and the 考核 score's
/// explanation (<c>figure=score</c>). A past day is a recount of the subtree from every body's journal
/// record (the live roll-up only knows today), in bounded parts for a large subtree (<see cref="PastDayRecount"/>).
/// </summary>
public sealed class AsOfReads(IGrainFactory grains, SubtreeReader reader, PastDayRecount recounts)
{
    private static WorkingDayCalendar Calendar => WorkingDayCalendar.China;

    /// <summary>The JSON of GET /summary on a past day (same shape, plus asOf), or a failure.</summary>
    public async Task<CommandResult<string>> SummaryAsync(string id, int year, DateOnly day, CancellationToken cancellation)
    {
        var (recount, failure) = await RecountAsync(id, year, day, cancellation);
        if (recount is null)
        {
            return failure!;
        }

        var s = recount.Summary;
        return CommandResult<string>.Ok(LocalizationJson.Serialize(new SummaryAsOf(s, s.Light, s.Score, recount.Ranking(), day)));
    }

    /// <summary>One figure opened on a past day (same shape as the live explanation, plus asOf).</summary>
    public async Task<CommandResult<string>> ExplainAsync(string id, int year, string figure, DateOnly day, CancellationToken cancellation)
    {
        if (!Enum.TryParse<SummaryFigure>(figure, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(figure, out _))
        {
            return CommandResult<string>.Fail(FailureKind.Invalid, $"没有名为“{figure}”的汇总数字");
        }

        var (recount, failure) = await RecountAsync(id, year, day, cancellation);
        return recount is null
            ? failure!
            : CommandResult<string>.Ok(LocalizationJson.Serialize(new ExplanationAsOf(recount.Explain(parsed, day, Calendar), day)));
    }

    /// <summary>The body's own progress table on a past day.</summary>
    public async Task<CommandResult<string>> ProgressAsync(string id, int year, DateOnly day)
    {
        var sheet = await reader.ReadOneAsync(id, year);
        if (sheet is null)
        {
            return CommandResult<string>.Fail(FailureKind.NotFound, $"机构“{id}”不存在");
        }

        return CommandResult<string>.Ok(LocalizationJson.Serialize(ProgressTable.Of(ProgressAsOf.At(sheet.Progress, day), day, Calendar)));
    }

    /// <summary>
    /// The 考核 score explained: on a past day from a recount, otherwise from the live summaries of the
    /// body and its children (children without a plan are not ranked).
    /// </summary>
    public async Task<CommandResult<string>> ScoreAsync(string id, int year, DateOnly? day, CancellationToken cancellation)
    {
        if (day is { } past)
        {
            var (recount, failure) = await RecountAsync(id, year, past, cancellation);
            if (recount is null)
            {
                return failure!;
            }

            var children = await NamedAsync(recount.Ranking().Select(r => (r.Rank, r.BodyId, r.Score.Score, recount.Children[r.BodyId].Items)));
            var explained = ScoreExplanation.Of(id, year, recount.Summary.Counts) with { Children = children, AsOf = past };
            return CommandResult<string>.Ok(LocalizationJson.Serialize(explained));
        }

        var live = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(id, year)).GetSummaryAsync();
        if (live.Value is not { } view)
        {
            return CommandResult<string>.Fail(live.Failure, live.Error ?? "汇总不可用");
        }

        var counts = view.Summary.Counts;
        var ranked = view.Ranking;

        // A child's items decide whether it is ranked at all: a child without a plan is not "last with 0".
        var childItems = await Task.WhenAll(ranked.Select(async c =>
        {
            var summary = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(c.BodyId, year)).GetSummaryAsync();
            return summary.Value?.Summary.Counts.Items ?? 0L;
        }));
        var withPlan = ranked.Select((c, i) => (c, Items: childItems[i])).Where(x => x.Items > 0).ToList();
        var named = await NamedAsync(withPlan.Select((x, i) => (i + 1, x.c.BodyId, x.c.Score.Score, x.Items)));
        return CommandResult<string>.Ok(LocalizationJson.Serialize(ScoreExplanation.Of(id, year, counts) with { Children = named }));
    }

    /// <summary>
    /// Each child's subtree counts on a past day, from one recount of the parent's subtree (the tree's
    /// colours as of that day); a failure when the subtree is too large to recount.
    /// </summary>
    public async Task<CommandResult<IReadOnlyDictionary<string, SummaryCounts>>> ChildrenCountsAsync(string id, int year, DateOnly day, CancellationToken cancellation)
    {
        var (recount, failure) = await RecountAsync(id, year, day, cancellation);
        return recount is null
            ? CommandResult<IReadOnlyDictionary<string, SummaryCounts>>.Fail(failure!.Failure, failure.Error ?? "")
            : CommandResult<IReadOnlyDictionary<string, SummaryCounts>>.Ok(recount.Children);
    }

    /// <summary>
    /// The subtree's counts on a day: recounted for a past day, else the live roll-up's (null when there
    /// is no summary).
    /// </summary>
    public async Task<SummaryCounts?> SubtreeCountsAsync(string id, int year, DateOnly day, bool isPast, CancellationToken cancellation)
    {
        if (isPast)
        {
            var (recount, _) = await RecountAsync(id, year, day, cancellation);
            return recount?.Summary.Counts;
        }

        var live = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(id, year)).GetSummaryAsync();
        return live.Value?.Summary.Counts;
    }

    private async Task<IReadOnlyList<ChildScore>> NamedAsync(IEnumerable<(int Rank, string BodyId, double Score, long Items)> children)
    {
        var list = children.ToList();
        var names = await Task.WhenAll(list.Select(async c =>
            DivisionCatalog.China.Find(c.BodyId)?.Name ?? (await grains.GetGrain<IBodyGrain>(c.BodyId).GetInfoAsync())?.Name ?? c.BodyId));
        return [.. list.Select((c, i) => new ChildScore(c.Rank, c.BodyId, names[i], c.Score, c.Items))];
    }

    private async Task<(SubtreeAsOf? Recount, CommandResult<string>? Failure)> RecountAsync(string id, int year, DateOnly day, CancellationToken cancellation)
    {
        var recount = await recounts.RecountAsync(id, year, day, cancellation);
        return recount is null
            ? (null, CommandResult<string>.Fail(FailureKind.NotFound, $"机构“{id}”不存在"))
            : (recount, null);
    }

    private sealed record SummaryAsOf(SubtreeSummary Summary, ProgressLight Light, AssessmentScore Score, IReadOnlyList<RankedBody> Ranking, DateOnly AsOf);

    private sealed record ExplanationAsOf(string BodyId, SummaryFigure Figure, long Total, IReadOnlyList<FigurePart> Parts, DateOnly AsOf)
    {
        public ExplanationAsOf(FigureExplanation e, DateOnly asOf)
            : this(e.BodyId, e.Figure, e.Total, e.Parts, asOf)
        {
        }
    }
}
