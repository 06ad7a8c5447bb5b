using GovOpenness.Abstractions;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Server.Authorization;
using GovOpenness.Server.Apis.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// Progress of a body's items and the summary of its subtree. Thin: the progress grain applies the
/// domain's rules; results are the domain's records written as the domain's JSON (<see cref="LocalizationJson"/>).
/// </summary>
public static class ProgressApi
{
    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder app)
    {
        var bodies = app.MapGroup("/api/bodies/{id}").ForKnownBodies();
        bodies.MapPost("/progress", PostAsync).Accepts<ProgressRequest>("application/json")
            .Produces<ProgressOutcome>(StatusCodes.Status200OK, "application/json").ProducesProblems(400, 404, 409, 413, 415)
            .RequireBodyAccess(BodyOperation.Progress);
        bodies.MapGet("/summary", GetSummaryAsync).Produces<SummaryView>(StatusCodes.Status200OK, "application/json").ProducesProblems(400, 404)
            .RequireBodyAccess(BodyOperation.Read);
        bodies.MapGet("/summary/explain", ExplainAsync).Produces<FigureExplanation>(StatusCodes.Status200OK, "application/json").ProducesProblems(400, 404)
            .RequireBodyAccess(BodyOperation.Read);
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PostAsync(
        string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellation)
    {
        if (RouteChecks.BodyId(id) is { } idProblem)
        {
            return idProblem;
        }

        var (body, problem) = await RequestBody.ReadJsonAsync<ProgressRequest>(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        // Evidence files named by id must have been uploaded for this body (a file of another body is not its evidence).
        foreach (var evidenceId in body!.Evidence?.Where(Workspace.EvidenceStore.IsId) ?? [])
        {
            var store = request.HttpContext.RequestServices.GetRequiredService<Workspace.EvidenceStore>();
            if (await store.FindAsync(evidenceId, cancellation) is not { } file || file.BodyId != id)
            {
                return Problems.Invalid($"佐证材料“{evidenceId}”不存在或不是“{id}”上传的文件");
            }
        }

        // The actor is the signed-in account's body (authorization checked it may post this step here).
        var actorId = Accounts.AccountClaims.BodyOf(request.HttpContext.User);
        var update = body!.ToUpdate();
        var result = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(id, update.Year)).RecordProgressAsync(update, actorId);
        return result.Value is { } outcome ? TypedResults.Content(LocalizationJson.Serialize(outcome), "application/json") : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetSummaryAsync(
        string id, int? year, IGrainFactory grains, Desk.DeskDay days, Desk.AsOfReads asOfReads, CancellationToken cancellation, string? asOf = null)
    {
        if (ProgressViewApi.YearProblem(id, year) is { } problem)
        {
            return problem;
        }

        // asOf= a past day: a recount from the journal's step days (Desk/AsOfReads.cs).
        var (day, isPast, dayError) = days.Resolve(asOf);
        if (dayError is not null)
        {
            return Problems.Invalid(dayError);
        }

        if (isPast)
        {
            var past = await asOfReads.SummaryAsync(id, year!.Value, day, cancellation);
            return past.Value is { } json ? TypedResults.Content(json, "application/json") : Problems.From(past.Failure, past.Error);
        }

        var result = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(id, year!.Value)).GetSummaryAsync();
        return result.Value is { } view ? TypedResults.Content(LocalizationJson.Serialize(view), "application/json") : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExplainAsync(
        string id, int? year, string? figure, IGrainFactory grains, Desk.DeskDay days, Desk.AsOfReads asOfReads, CancellationToken cancellation, string? asOf = null)
    {
        if (ProgressViewApi.YearProblem(id, year) is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(figure) || figure.Length > 64)
        {
            return Problems.Invalid("缺少 figure：请给出要查看的汇总数字（如 ?figure=itemsOverdue，或 figure=score 查看考核得分）");
        }

        var (day, isPast, dayError) = days.Resolve(asOf);
        if (dayError is not null)
        {
            return Problems.Invalid(dayError);
        }

        // The 考核 score in words (parts, weights, floor) and past days are the desk's (Desk/AsOfReads.cs).
        if (isPast || string.Equals(figure, "score", StringComparison.OrdinalIgnoreCase))
        {
            var desk = string.Equals(figure, "score", StringComparison.OrdinalIgnoreCase)
                ? await asOfReads.ScoreAsync(id, year!.Value, isPast ? day : null, cancellation)
                : await asOfReads.ExplainAsync(id, year!.Value, figure, day, cancellation);
            return desk.Value is { } json ? TypedResults.Content(json, "application/json") : Problems.From(desk.Failure, desk.Error);
        }

        var result = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(id, year!.Value)).ExplainAsync(figure);
        return result.Value is { } explanation ? TypedResults.Content(LocalizationJson.Serialize(explanation), "application/json") : Problems.From(result.Failure, result.Error);
    }
}
