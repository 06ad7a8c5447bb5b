using System.Text.Json;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Desk;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Progress;
using GovOpenness.Server.Apis.Requests;
using GovOpenness.Server.Authorization;
using GovOpenness.Server.Desk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// Year end: <c>GET /api/bodies/{id}/annual-report?year=2022&amp;format=docx|html</c> writes the
/// 年度重点工作任务落实情况 section of the body's annual report from its 反馈 notes and evidence, in wording
/// the body may edit (<c>GET/PUT/DELETE …/annual-report/template</c>); <c>GET /api/bodies/{id}/plans/{year}/compare?with=2021</c>
/// is the 回头看 of the body's plan against an earlier year's (carried over, new, dropped, never closed).
/// </summary>
public static class ReportApi
{
    public static RouteGroupBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bodies/{id}").ForKnownBodies();
        group.MapGet("/annual-report", AnnualReportAsync).Produces(StatusCodes.Status200OK, typeof(string), "text/html", ReportDocuments.DocxType)
            .ProducesProblems(400, 404).RequireBodyAccess(BodyOperation.Read);
        group.MapGet("/annual-report/template", GetTemplateAsync).ProducesProblems(404).RequireBodyAccess(BodyOperation.Read);
        group.MapPut("/annual-report/template", PutTemplateAsync).Accepts<TemplateRequest>("application/json")
            .ProducesProblems(400, 404, 413, 415).RequireBodyAccess(BodyOperation.EditPlan);
        group.MapDelete("/annual-report/template", DeleteTemplateAsync).ProducesProblems(404).RequireBodyAccess(BodyOperation.EditPlan);
        group.MapGet("/plans/{year:int}/compare", CompareAsync).ProducesProblems(400, 404).RequireBodyAccess(BodyOperation.Read);
        return group;
    }

    /// <summary>The wording in force and whether it is the body's own.</summary>
    public sealed record TemplateView(string BodyId, bool Custom, ReportTemplate Template, IReadOnlyCollection<string> Placeholders);

    private static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> AnnualReportAsync(
        string id, int? year, IGrainFactory grains, SubtreeReader reader, AsOfReads asOfReads, DeskDay days, CancellationToken cancellation,
        string? format = null, string? asOf = null)
    {
        if (ProgressViewApi.YearProblem(id, year) is { } problem)
        {
            return problem;
        }

        if (format is not (null or "docx" or "html"))
        {
            return Problems.Invalid($"format“{format}”无效：应为 docx 或 html");
        }

        // An annual report looks at its year: a past year is written as of its own year end unless asked otherwise.
        var yearEnd = new DateOnly(year!.Value, 12, 31);
        var (day, isPast, dayError) = days.Resolve(asOf ?? (yearEnd < days.Today ? yearEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null));
        if (dayError is not null)
        {
            return Problems.Invalid(dayError);
        }

        var sheet = await reader.ReadOneAsync(id, year.Value);
        if (sheet is null)
        {
            return Problems.From(FailureKind.NotFound, $"机构“{id}”不存在");
        }

        if (sheet.Items.Count == 0)
        {
            return Problems.From(FailureKind.NotFound, $"“{sheet.Body.Name}”{year}年度没有工作要点，无从编写落实情况");
        }

        var template = await TemplateOfAsync(grains, id);
        var counts = await asOfReads.SubtreeCountsAsync(id, year.Value, day, isPast, cancellation) ?? SummaryCounts.Zero;
        var report = AnnualReport.Of(sheet, counts, day, WorkingDayCalendar.China, template);
        if (format == "docx")
        {
            using var buffer = new MemoryStream();
            ReportDocuments.WriteDocx(buffer, report, template);
            return TypedResults.File(buffer.ToArray(), ReportDocuments.DocxType, $"{sheet.Body.Name}{year}年政府信息公开工作年度报告（落实情况）.docx");
        }

        return TypedResults.Content(ReportDocuments.Html(report, template), "text/html; charset=utf-8");
    }

    private static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> GetTemplateAsync(string id, IGrainFactory grains)
    {
        if (await grains.GetGrain<IBodyGrain>(id).GetInfoAsync() is null)
        {
            return Problems.From(FailureKind.NotFound, $"机构“{id}”不存在");
        }

        var stored = await grains.GetGrain<IReportTemplateGrain>(id).GetAsync();
        return TypedResults.Ok(new TemplateView(id, stored is not null, await TemplateOfAsync(grains, id), ReportTemplate.Placeholders.ToList()));
    }

    private static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> PutTemplateAsync(string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellation)
    {
        if (await grains.GetGrain<IBodyGrain>(id).GetInfoAsync() is null)
        {
            return Problems.From(FailureKind.NotFound, $"机构“{id}”不存在");
        }

        var (body, problem) = await RequestBody.ReadJsonAsync<TemplateRequest>(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var template = body!.ToTemplate();
        if (template.Problems() is { Count: > 0 } problems)
        {
            return Problems.Invalid(string.Join("；", problems));
        }

        await grains.GetGrain<IReportTemplateGrain>(id).SetAsync(JsonSerializer.Serialize(template, ApiSetup.Json));
        return TypedResults.Ok(new TemplateView(id, true, template, ReportTemplate.Placeholders.ToList()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTemplateAsync(string id, IGrainFactory grains)
    {
        if (await grains.GetGrain<IBodyGrain>(id).GetInfoAsync() is null)
        {
            return Problems.From(FailureKind.NotFound, $"机构“{id}”不存在");
        }

        await grains.GetGrain<IReportTemplateGrain>(id).SetAsync(null);
        return TypedResults.NoContent();
    }

    private static async Task<ReportTemplate> TemplateOfAsync(IGrainFactory grains, string id)
    {
        var stored = await grains.GetGrain<IReportTemplateGrain>(id).GetAsync();
        return stored is null ? ReportTemplate.Default : JsonSerializer.Deserialize<ReportTemplate>(stored, ApiSetup.Json) ?? ReportTemplate.Default;
    }

    private static async Task<Results<Ok<YearOverYear>, ProblemHttpResult>> CompareAsync(string id, int year, int? with, IGrainFactory grains)
    {
        var earlierYear = with ?? year - 1;
        if ((ProgressViewApi.YearProblem(id, year) ?? ProgressViewApi.YearProblem(id, earlierYear)) is { } problem)
        {
            return problem;
        }

        if (earlierYear == year)
        {
            return Problems.Invalid($"with“{earlierYear}”无效：应为另一年度，如 ?with={year - 1}");
        }

        var body = grains.GetGrain<IBodyGrain>(id);
        if (await body.GetInfoAsync() is null)
        {
            return Problems.From(FailureKind.NotFound, $"机构“{id}”不存在");
        }

        var later = await body.GetPlanAsync(year);
        var earlier = await body.GetPlanAsync(earlierYear);
        if (later.Value is not { } laterPlan || earlier.Value is not { } earlierPlan)
        {
            var missing = later.Value is null ? year : earlierYear;
            return Problems.From(FailureKind.NotFound, $"机构“{id}”没有{missing}年度的工作要点，无法比对");
        }

        var progress = await grains.GetGrain<IBodyProgressReaderGrain>(IProgressGrain.Key(id, earlierYear)).GetOwnProgressAsync();
        return TypedResults.Ok(YearOverYear.Of(id, DocumentOf(earlierPlan), DocumentOf(laterPlan), progress));
    }

    private static PlanDocument DocumentOf(EffectivePlan plan) =>
        new(plan.Title, null, plan.DocNumber, null, plan.Year, [.. plan.Items.Select(i => i.Item.ToDomain())], []);
}
