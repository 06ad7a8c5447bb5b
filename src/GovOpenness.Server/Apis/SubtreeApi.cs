using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using GovOpenness.Server.Authorization;
using GovOpenness.Server.Desk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// The filtered subtree: <c>GET /api/bodies/{id}/subtree?year=2022&amp;step=未签收&amp;item=2.1</c> lists the bodies
/// below (and including) a body that match, each with its path, paged and sortable; <c>format=csv|xlsx</c>
/// downloads the whole filtered list instead of a page. <c>asOf=</c> judges it as of a past day.
/// </summary>
public static class SubtreeApi
{
    public const int MaxPage = 200;

    public static RouteGroupBuilder MapSubtreeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bodies/{id}").ForKnownBodies();
        group.MapGet("/subtree", ListAsync).Produces<SubtreeList>(StatusCodes.Status200OK, "application/json").ProducesProblems(400, 404)
            .RequireBodyAccess(BodyOperation.Read);
        return group;
    }

    /// <summary>One page of the filtered list, as JSON.</summary>
    public sealed record SubtreeList(string BodyId, int Year, DateOnly AsOf, bool IsPast, int Total, int Skip, int Take, IReadOnlyList<BodyStanding> Bodies);

    public static readonly IReadOnlyList<string> ListHeaders =
        ["机构编码", "机构名称", "所属层级", "上级", "状态灯", "事项数", "逾期事项", "逾期天数合计", "最长逾期工作日", "未签收", "已签收", "办理中", "已反馈", "已办结", "退回", "完成进度（%）", "所选事项", "所选事项环节"];

    private static async Task<Results<Ok<SubtreeList>, EmptyHttpResult, ProblemHttpResult>> ListAsync(
        string id, int? year, HttpContext context, SubtreeReader reader, DeskDay days, CancellationToken cancellation,
        string? light = null, string? overdue = null, string? step = null, string? item = null, string? level = null,
        string? sort = null, string? order = null, string? asOf = null, string? format = null, int skip = 0, int take = 50)
    {
        if (ProgressViewApi.YearProblem(id, year) is { } problem)
        {
            return problem;
        }

        var (filter, filterError) = SubtreeQuery.Filter(light, overdue, step, item, level);
        var (by, descending, orderError) = SubtreeQuery.Order(sort, order);
        var (day, isPast, dayError) = days.Resolve(asOf);
        if ((filterError ?? orderError ?? dayError) is { } error)
        {
            return Problems.Invalid(error);
        }

        if (skip < 0 || take is < 1 or > MaxPage)
        {
            return Problems.Invalid($"分页参数无效：skip 不能为负数，take 应为1到{MaxPage}");
        }

        if (format is not (null or "json" or "csv" or "xlsx"))
        {
            return Problems.Invalid($"format“{format}”无效：应为 json、csv 或 xlsx");
        }

        var sheets = await reader.ReadAsync(id, year!.Value, cancellation);
        if (sheets is null)
        {
            return Problems.From(Abstractions.FailureKind.NotFound, $"机构“{id}”不存在");
        }

        var standings = sheets.Select((s, i) => BodyStanding.Of(isPast ? s with { Progress = ProgressAsOf.At(s.Progress, day) } : s, day, WorkingDayCalendar.China, filter!.ItemId, i));
        if (format is "csv" or "xlsx")
        {
            var rows = SubtreePage.All(standings, filter!, by, descending).Select(Cells);
            var name = $"{sheets[0].Body.Name}{year}年筛选清单（{day:yyyy-MM-dd}）";
            if (format == "csv")
            {
                await SheetWriter.WriteCsvAsync(context.Response, name, ListHeaders, rows, cancellation);
            }
            else
            {
                await SheetWriter.WriteXlsxAsync(context.Response, name, "筛选清单", ListHeaders, rows, cancellation);
            }

            return TypedResults.Empty;
        }

        var page = SubtreePage.Of(standings, filter!, by, descending, skip, take);
        return TypedResults.Ok(new SubtreeList(id, year.Value, day, isPast, page.Total, skip, take, page.Bodies));
    }

    private static object?[] Cells(BodyStanding b) =>
        [b.Id, b.Name, DeskNames.Of(b.Level), b.ParentPath, DeskNames.Of(b.Light), b.Items, b.OverdueItems, b.OverdueDays, b.MaxOverdueWorkingDays,
         b.Steps[DeskStep.Pending], b.Steps[DeskStep.Acknowledged], b.Steps[DeskStep.InProgress], b.Steps[DeskStep.Reported], b.Steps[DeskStep.Closed], b.Steps[DeskStep.Returned],
         b.Percent, b.Item?.ItemId, b.ItemStep is { } s ? DeskNames.Of(s) : null];
}
