using GovOpenness.Abstractions;
using GovOpenness.Domain.Calendar;
using GovOpenness.Server.Authorization;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// Reads the viewer needs beyond a single summary: a body's own per-item progress, and the summaries of
/// one page of its children in one request (so the tree does not ask once per node).
/// </summary>
public static class ProgressViewApi
{
    /// <summary>The largest page of children summaries one request may ask for.</summary>
    public const int MaxChildrenPage = 100;

    public const int DefaultChildrenPage = 50;

    public static IEndpointRouteBuilder MapProgressViewApi(this IEndpointRouteBuilder app)
    {
        var bodies = app.MapGroup("/api/bodies/{id}").ForKnownBodies();
        bodies.MapGet("/progress", GetProgressAsync).Produces<ProgressTable>(StatusCodes.Status200OK, "application/json").ProducesProblems(400, 404)
            .RequireBodyAccess(BodyOperation.Read);
        bodies.MapGet("/children/summaries", GetChildrenSummariesAsync).ProducesProblems(400, 404).RequireBodyAccess(BodyOperation.Read);
        return app;
    }

    /// <summary>One page of children, each with the same object GET /summary answers (<c>asOf=</c> a past day: recounted, without ranking or offenders).</summary>
    public sealed record ChildrenSummaries(string BodyId, int Year, int ChildCount, int Skip, IReadOnlyList<ChildSummary> Children);

    /// <summary>A child and its subtree summary (<c>{summary, light, score, ranking}</c>).</summary>
    public sealed record ChildSummary(string BodyId, string Name, Domain.Hierarchy.BodyLevel Level, SummaryView View);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetProgressAsync(
        string id, int? year, IGrainFactory grains, Desk.DeskDay days, Desk.AsOfReads asOfReads, string? asOf = null)
    {
        if (YearProblem(id, year) is { } problem)
        {
            return problem;
        }

        var (day, isPast, dayError) = days.Resolve(asOf);
        if (dayError is not null)
        {
            return Problems.Invalid(dayError);
        }

        if (isPast)
        {
            var past = await asOfReads.ProgressAsync(id, year!.Value, day);
            return past.Value is { } json ? TypedResults.Content(json, "application/json") : Problems.From(past.Failure, past.Error);
        }

        var result = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(id, year!.Value)).GetItemsAsync();
        return result.Value is { } table ? TypedResults.Content(LocalizationJson.Serialize(table), "application/json") : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<Ok<ChildrenSummaries>, ProblemHttpResult>> GetChildrenSummariesAsync(
        string id, int? year, IGrainFactory grains, Desk.DeskDay days, Desk.AsOfReads asOfReads, CancellationToken cancellation,
        int skip = 0, int take = DefaultChildrenPage, string? asOf = null)
    {
        if (YearProblem(id, year) is { } problem)
        {
            return problem;
        }

        if (skip < 0)
        {
            return Problems.Invalid($"skip“{skip}”无效：不能为负数");
        }

        if (take is < 1 or > MaxChildrenPage)
        {
            return Problems.Invalid($"take“{take}”无效：每页应为1到{MaxChildrenPage}个下级机构");
        }

        var (day, isPast, dayError) = days.Resolve(asOf);
        if (dayError is not null)
        {
            return Problems.Invalid(dayError);
        }

        var page = await grains.GetGrain<IBodyGrain>(id).GetViewAsync(skip, take);
        if (page.Value is not { } view)
        {
            return Problems.From(page.Failure, page.Error);
        }

        if (isPast)
        {
            // The tree's colours on a past day: one recount of this body's subtree gives every child's counts.
            var past = await asOfReads.ChildrenCountsAsync(id, year!.Value, day, cancellation);
            if (past.Value is not { } counts)
            {
                return Problems.From(past.Failure, past.Error);
            }

            return TypedResults.Ok(new ChildrenSummaries(id, year.Value, view.ChildCount, skip, [.. view.Children.Select(child =>
            {
                var summary = new SubtreeSummary(child.Id, year.Value, counts.GetValueOrDefault(child.Id, SummaryCounts.Zero), SummaryExtremes.None);
                return new ChildSummary(child.Id, child.Name, child.Level, new SummaryView(summary, summary.Light, summary.Score, []));
            })]));
        }

        // One summary read per child, all in flight together: each is a grain call, no grain waits on another.
        var summaries = await Task.WhenAll(view.Children.Select(async child =>
        {
            var summary = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(child.Id, year!.Value)).GetSummaryAsync();
            return summary.Value is { } childView ? new ChildSummary(child.Id, child.Name, child.Level, childView) : null;
        }));
        return TypedResults.Ok(new ChildrenSummaries(id, year!.Value, view.ChildCount, skip, [.. summaries.OfType<ChildSummary>()]));
    }

    /// <summary>The body id of the route and the required <c>?year=</c> of the query.</summary>
    internal static ProblemHttpResult? YearProblem(string id, int? year) =>
        RouteChecks.BodyId(id) ?? (year is { } y ? RouteChecks.Year(y) : Problems.Invalid("缺少年度：请在查询参数中给出 year（如 ?year=2022）"));
}
