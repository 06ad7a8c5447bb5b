using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using GovOpenness.Server.Authorization;
using GovOpenness.Server.Desk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// The 台账: <c>GET /api/bodies/{id}/ledger?year=2022&amp;format=xlsx|csv</c>, one row per body × item of the
/// subtree in tree order (items, deadline, units, step, percent, evidence, overdue working days). The
/// subtree filters apply (<c>step=未签收&amp;item=2.1</c> gives just those rows), and <c>asOf=</c> a past day.
/// Rows are produced lazily and written as they come (CSV straight to the response).
/// </summary>
public static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bodies/{id}").ForKnownBodies();
        group.MapGet("/ledger", LedgerAsync).Produces(StatusCodes.Status200OK, typeof(string), "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesProblems(400, 404)
            .RequireBodyAccess(BodyOperation.Read);
        return group;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LedgerAsync(
        string id, int? year, HttpContext context, SubtreeReader reader, DeskDay days, CancellationToken cancellation,
        string? format = null, string? asOf = null, string? light = null, string? overdue = null, string? step = null, string? item = null, string? level = null)
    {
        if (ProgressViewApi.YearProblem(id, year) is { } problem)
        {
            return problem;
        }

        if (format is not ("csv" or "xlsx"))
        {
            return Problems.Invalid(format is null ? "缺少 format：台账可导出为 xlsx 或 csv（如 ?format=xlsx）" : $"format“{format}”无效：应为 xlsx 或 csv");
        }

        var (filter, filterError) = SubtreeQuery.Filter(light, overdue, step, item, level);
        var (day, isPast, dayError) = days.Resolve(asOf);
        if ((filterError ?? dayError) is { } error)
        {
            return Problems.Invalid(error);
        }

        var sheets = await reader.ReadAsync(id, year!.Value, cancellation);
        if (sheets is null)
        {
            return Problems.From(Abstractions.FailureKind.NotFound, $"机构“{id}”不存在");
        }

        var rows = Rows(sheets, filter!, day, isPast).Select(r => r.Cells());
        var name = $"{sheets[0].Body.Name}{year}年政务公开工作要点台账（{day:yyyy-MM-dd}）";
        if (format == "csv")
        {
            await SheetWriter.WriteCsvAsync(context.Response, name, LedgerRow.Headers, rows, cancellation);
        }
        else
        {
            await SheetWriter.WriteXlsxAsync(context.Response, name, "台账", LedgerRow.Headers, rows, cancellation);
        }

        return TypedResults.Empty;
    }

    /// <summary>The rows of the bodies that match, each body's in plan order; only the chosen item's with <c>item=</c>.</summary>
    public static IEnumerable<LedgerRow> Rows(IReadOnlyList<BodySheet> sheets, SubtreeFilter filter, DateOnly day, bool isPast)
    {
        foreach (var raw in sheets)
        {
            var sheet = isPast ? raw with { Progress = ProgressAsOf.At(raw.Progress, day) } : raw;
            if (filter != new SubtreeFilter() && !filter.Matches(BodyStanding.Of(sheet, day, WorkingDayCalendar.China, filter.ItemId)))
            {
                continue;
            }

            foreach (var row in LedgerRow.Of(sheet, day, WorkingDayCalendar.China))
            {
                if (filter.ItemId is null || row.ItemId == filter.ItemId)
                {
                    yield return row;
                }
            }
        }
    }
}
