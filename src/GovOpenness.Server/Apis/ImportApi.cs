using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;
using GovOpenness.Server.Authorization;
using GovOpenness.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// Importing a lower body's own document into the cascade (issue 6): the document is aligned against
/// the parent's effective plan and recorded as that body's localization, through the same grain call
/// as <c>POST …/localize</c>.
/// </summary>
public static class ImportApi
{
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/bodies/{id}/plans/{year:int}/import", ImportAsync).ForKnownBodies().Accepts<string>("text/plain").ProducesProblems(400, 404, 409, 413, 415, 429)
            .RequireRateLimiting(HttpProtection.CostlyPolicy).RequireBodyAccess(BodyOperation.EditPlan);
        return app;
    }

    /// <summary>What importing answers: how the document was read against the parent, and the localize result.</summary>
    public sealed record ImportResponse(AlignmentReport Alignment, EffectivePlan Plan, IReadOnlyList<string> Warnings);

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(
        string id, int year, HttpRequest request, IGrainFactory grains, TimeProvider time, CancellationToken cancellation)
    {
        if (RouteChecks.BodyAndYear(id, year) is { } routeProblem)
        {
            return routeProblem;
        }

        if (!(request.ContentType ?? "").StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType(request.ContentType, "text/plain（下级公文全文）");
        }

        var (bytes, problem) = await RequestBody.ReadBytesAsync(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        string text;
        try
        {
            // Offices save documents in GB18030 or UTF-16 as often as UTF-8: decode as the CLI does.
            text = PlanTextDecoder.Decode(bytes);
        }
        catch (PlanParseException e)
        {
            return Problems.Invalid($"无法读取下级工作要点：{e.Message}");
        }

        var (child, parseProblem) = AlignApi.Parse(text, "下级");
        if (parseProblem is not null)
        {
            return parseProblem;
        }

        var body = grains.GetGrain<IBodyGrain>(id);
        if (await body.GetInfoAsync() is not { } info)
        {
            return Problems.From(FailureKind.NotFound, $"机构“{id}”不存在");
        }

        if (info.ParentId is not { } parentId)
        {
            return Problems.From(FailureKind.Conflict, $"机构“{id}”没有上级，无法按上级计划导入；请直接发布本级计划");
        }

        var parentPlan = await grains.GetGrain<IBodyGrain>(parentId).GetPlanAsync(year);
        if (parentPlan.Value is not { } parentEffective)
        {
            return parentPlan.Failure == FailureKind.NotFound
                ? Problems.From(FailureKind.Conflict, $"上级机构“{parentId}”尚无{year}年工作要点，无法比对导入“{id}”的文件")
                : Problems.From(parentPlan.Failure, parentPlan.Error);
        }

        var parent = parentEffective.ToPublishedPlan();
        var alignment = DocumentAligner.Align(ToDocument(parent), RecurringDeadlines.Resolve(child!), cancellation: cancellation);
        var localization = AlignmentToLocalization.Convert(alignment, parent);
        var today = ChinaTime.Today(time);
        var result = await body.LocalizeAsync(new LocalizeCommand(year, [.. localization.Changes.Select(ItemChange.From)], null, today));
        return result.Value is { } localized
            ? TypedResults.Ok(new ImportResponse(AlignmentReport.From(alignment), localized.Plan, localized.Warnings))
            : Problems.From(result.Failure, result.Error);
    }

    private static PlanDocument ToDocument(PublishedPlan plan) =>
        new(plan.Title, null, plan.DocNumber, plan.IssueDate, plan.Year, [.. plan.Items], []);
}
