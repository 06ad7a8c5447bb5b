using System.Collections.Immutable;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// Progress of a body's items and the summary of its subtree. Thin: the progress grain applies the
/// domain's rules; results are the domain's records written as the domain's JSON (<see cref="LocalizationJson"/>).
/// </summary>
public static class ProgressApi
{
    /// <summary>Who posts: the header <c>X-Body-Id</c> or the query parameter <c>actor</c>.</summary>
    public const string ActorHeader = "X-Body-Id";

    private static readonly string StepNames = string.Join("、", Enum.GetValues<ProgressStep>().Select(s => LocalizationJson.Serialize(s).Trim('"')));

    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder app)
    {
        var bodies = app.MapGroup("/api/bodies/{id}");
        bodies.MapPost("/progress", PostAsync);
        bodies.MapGet("/summary", GetSummaryAsync);
        bodies.MapGet("/summary/explain", ExplainAsync);
        app.MapProgressViewApi();
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PostAsync(
        string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellation, string? actor = null)
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<ProgressRequest>(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Year is not { } year || string.IsNullOrWhiteSpace(body.ItemId) || string.IsNullOrWhiteSpace(body.Step))
        {
            return Problems.Invalid("进度须给出 year、itemId 和 step");
        }

        if (!Enum.TryParse<ProgressStep>(body.Step, ignoreCase: true, out var step) || !Enum.IsDefined(step) || int.TryParse(body.Step, out _))
        {
            return Problems.Invalid($"step“{body.Step}”无效：应为 {StepNames} 之一");
        }

        // The actor defaults to the body itself (the domain assumes the parent for review steps).
        var actorId = request.Headers[ActorHeader].FirstOrDefault() ?? actor;
        var update = new ProgressUpdate(year, body.ItemId, step, body.Percent, body.Note, body.Evidence ?? [], body.RequestId);
        var result = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(id, year)).RecordProgressAsync(update, actorId);
        return result.Value is { } outcome ? TypedResults.Content(LocalizationJson.Serialize(outcome), "application/json") : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetSummaryAsync(
        string id, int? year, IGrainFactory grains, Desk.DeskDay days, Desk.AsOfReads asOfReads, CancellationToken cancellation, string? asOf = null)
    {
        if (ProgressViewApi.YearProblem(year) is { } problem)
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
        if (ProgressViewApi.YearProblem(year) is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(figure))
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

    private sealed record ProgressRequest(int? Year, string? ItemId, string? Step, int? Percent, string? Note, ImmutableArray<string>? Evidence, string? RequestId);
}
