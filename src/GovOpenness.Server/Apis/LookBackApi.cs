using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Plans;
using GovOpenness.Server.Apis.Requests;
using GovOpenness.Server.Authorization;
using GovOpenness.Server.Desk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// 回头看 between two days: <c>GET /api/bodies/{id}/look-back?from=2021-12-31&amp;to=2022-12-31</c> (to: today
/// when left out) compares the plan in force on each day and the body's progress on each (<see cref="LookBack"/>):
/// items kept, added, dropped, deadlines moved, units changed, steps then and now. The plan of a day is the
/// latest year's (that day's year or up to <see cref="YearsBack"/> before) as it stood then; a plan entered
/// only later stands in with its current wording, flagged <c>planRecordedLater</c>. <c>fromYear</c> and
/// <c>toYear</c> choose the years instead.
/// </summary>
public static class LookBackApi
{
    public const int YearsBack = 5;

    public static RouteGroupBuilder MapLookBackApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bodies/{id}").ForKnownBodies();
        group.MapGet("/look-back", LookBackAsync).ProducesProblems(400, 404).RequireBodyAccess(BodyOperation.Read);
        return group;
    }

    private static async Task<Results<Ok<LookBack>, ProblemHttpResult>> LookBackAsync(
        string id, string? from, IGrainFactory grains, DeskDay days, string? to = null, int? fromYear = null, int? toYear = null)
    {
        if (RouteChecks.BodyId(id) is { } idProblem)
        {
            return idProblem;
        }

        if (string.IsNullOrWhiteSpace(from))
        {
            return Problems.Invalid("缺少起始日期：请在查询参数中给出 from（如 ?from=2022-06-30）");
        }

        if (((fromYear is { } fy ? RouteChecks.Year(fy) : null) ?? (toYear is { } ty ? RouteChecks.Year(ty) : null)) is { } yearProblem)
        {
            return yearProblem;
        }

        var (thenDay, _, fromError) = days.Resolve(from);
        var (nowDay, nowIsPast, toError) = days.Resolve(to);
        if ((fromError ?? toError) is { } dayError)
        {
            return Problems.Invalid(dayError.Replace("asOf", fromError is not null ? "from" : "to", StringComparison.Ordinal));
        }

        if (thenDay.Year < RequestLimits.FirstYear)
        {
            return Problems.Invalid($"from“{from}”过早：只能回看{RequestLimits.FirstYear}年以来的工作要点");
        }

        if (thenDay >= nowDay)
        {
            return Problems.Invalid($"起始日期（{thenDay:yyyy-MM-dd}）应早于截止日期（{nowDay:yyyy-MM-dd}）");
        }

        var body = grains.GetGrain<IBodyGrain>(id);
        var info = await body.GetInfoAsync();
        if (info is null)
        {
            return Problems.From(FailureKind.NotFound, $"机构“{id}”不存在");
        }

        var then = await PlanOnAsync(body, thenDay, isToday: false, fromYear);
        var now = await PlanOnAsync(body, nowDay, isToday: !nowIsPast, toYear);
        if (then is null || now is null)
        {
            var missing = then is null ? (thenDay, fromYear) : (nowDay, toYear);
            return Problems.From(FailureKind.NotFound, missing.Item2 is { } year
                ? $"“{info.Name}”没有{year}年度的工作要点，无法回头看"
                : $"“{info.Name}”在{Math.Max(RequestLimits.FirstYear, missing.Item1.Year - YearsBack)}至{missing.Item1.Year}年间没有工作要点，无法回头看");
        }

        var thenSide = await SideAsync(grains, id, thenDay, then.Value.Plan);
        var nowSide = await SideAsync(grains, id, nowDay, now.Value.Plan);
        var lookBack = LookBack.Of(id, thenSide, nowSide, WorkingDayCalendar.China);
        return TypedResults.Ok(lookBack with
        {
            Name = info.Name,
            From = lookBack.From with { PlanRecordedLater = then.Value.RecordedLater },
            To = lookBack.To with { PlanRecordedLater = now.Value.RecordedLater },
        });
    }

    /// <summary>The plan in force on a day: the latest year's as it stood then, else as recorded later.</summary>
    private static async Task<(EffectivePlan Plan, bool RecordedLater)?> PlanOnAsync(IBodyGrain body, DateOnly day, bool isToday, int? year)
    {
        var years = year is { } y ? [y] : Enumerable.Range(0, YearsBack + 1).Select(k => day.Year - k).Where(c => c >= RequestLimits.FirstYear).ToArray();
        if (!isToday)
        {
            var endOfDay = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), ChinaTime.Offset);
            foreach (var candidate in years)
            {
                if ((await body.GetPlanAsOfAsync(candidate, endOfDay)).Value is { } then)
                {
                    return (then, false);
                }
            }
        }

        foreach (var candidate in years)
        {
            if ((await body.GetPlanAsync(candidate)).Value is { } current)
            {
                return (current, !isToday);
            }
        }

        return null;
    }

    private static async Task<LookBackSide> SideAsync(IGrainFactory grains, string id, DateOnly day, EffectivePlan plan)
    {
        var progress = await grains.GetGrain<IBodyProgressReaderGrain>(IProgressGrain.Key(id, plan.Year)).GetOwnProgressAsync();
        var document = new PlanDocument(plan.Title, null, plan.DocNumber, null, plan.Year, [.. plan.Items.Select(i => i.Item.ToDomain())], []);
        return new LookBackSide(day, document, progress);
    }
}
