using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;
using GovOpenness.Server.Apis.Requests;
using GovOpenness.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// Document alignment (issue 6) over HTTP: a thin layer over <see cref="DocumentAligner"/> answering the
/// same report <c>govctl align --json</c> prints.
/// </summary>
public static class AlignApi
{
    /// <summary>Items per document the aligner takes (real plans have 30–200); bounds its cost.</summary>
    public const int MaxItems = 1_000;

    public static IEndpointRouteBuilder MapAlignApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/align", AlignAsync).Accepts<AlignRequest>("application/json")
            .Produces<AlignmentReport>(StatusCodes.Status200OK, "application/json").ProducesProblems(400, 413, 415, 429)
            .RequireRateLimiting(HttpProtection.CostlyPolicy);
        return app;
    }

    private static async Task<Results<JsonHttpResult<AlignmentReport>, ProblemHttpResult>> AlignAsync(
        HttpRequest request, CancellationToken cancellation)
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<AlignRequest>(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var (parent, parentProblem) = Parse(body!.Parent, "上级");
        if (parentProblem is not null)
        {
            return parentProblem;
        }

        var (child, childProblem) = Parse(body.Child, "下级");
        if (childProblem is not null)
        {
            return childProblem;
        }

        // The aligner's cost grows with both documents' items multiplied; it stops when the client goes away.
        var report = AlignmentReport.From(DocumentAligner.Align(parent!, child!, cancellation: cancellation));
        return TypedResults.Json(report, AlignmentJson.Options);
    }

    /// <summary>Parses one document, naming it (上级/下级) and the line in the problem when it cannot be read.</summary>
    internal static (PlanDocument? Plan, ProblemHttpResult? Problem) Parse(string? text, string role)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Problems.Invalid($"{role}工作要点为空：请提供公文全文"));
        }

        PlanDocument plan;
        try
        {
            plan = PlanParser.Parse(text);
        }
        catch (PlanParseException e)
        {
            return (null, Problems.Invalid(e.Line is int line
                ? $"无法解析{role}工作要点（第{line}行）：{e.Message}"
                : $"无法解析{role}工作要点：{e.Message}"));
        }

        // Without numbered items there is nothing to align: say so rather than answer an empty report.
        return plan.Items.Count switch
        {
            0 => (null, Problems.Invalid($"{role}工作要点中没有找到编号条目（如“一、”“（一）”），无法比对")),
            > MaxItems => (null, Problems.Invalid($"{role}工作要点条目过多（{plan.Items.Count}条，上限{MaxItems}条）")),
            _ => (plan, null),
        };
    }
}
