using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;
using GovOpenness.Server.Authorization;
using GovOpenness.Server.Apis.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>Publishing, reading, localizing and diffing a body's plan for a year.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/bodies/{id}/plans").ForKnownBodies();
        plans.MapPost("/", PublishAsync).Accepts<PublishPlanRequest>("application/json", "text/plain").ProducesProblems(400, 404, 409, 413, 415)
            .RequireBodyAccess(BodyOperation.EditPlan);
        plans.MapGet("/{year:int}", GetAsync).ProducesProblems(400, 404).RequireBodyAccess(BodyOperation.ReadPlan);
        plans.MapPost("/{year:int}/localize", LocalizeAsync).Accepts<LocalizeRequest>("application/json").ProducesProblems(400, 404, 409, 413, 415)
            .RequireBodyAccess(BodyOperation.EditPlan);
        plans.MapGet("/{year:int}/diff", DiffAsync).ProducesProblems(400, 404).RequireBodyAccess(BodyOperation.Read);
        return app;
    }

    /// <summary>What publishing answers: the plan as published and what the parser wants checked.</summary>
    public sealed record PublishResponse(EffectivePlan Plan, IReadOnlyList<PlanWarning> Warnings);

    private static async Task<Results<Created<PublishResponse>, ProblemHttpResult>> PublishAsync(
        string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellation)
    {
        if (RouteChecks.BodyId(id) is { } idProblem)
        {
            return idProblem;
        }

        PublishPlanCommand command;
        IReadOnlyList<PlanWarning> warnings = [];
        var contentType = request.ContentType ?? "";
        if (contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            var (text, problem) = await RequestBody.ReadTextAsync(request, cancellation);
            if (problem is not null)
            {
                return problem;
            }

            try
            {
                var document = PlanParser.Parse(text!);
                (command, warnings) = (PublishPlanCommand.From(document), document.Warnings);
            }
            catch (PlanParseException e)
            {
                return Problems.Invalid(e.Line is { } line ? $"第{line}行：{e.Message}" : e.Message);
            }
        }
        else if (request.HasJsonContentType())
        {
            var (parsed, problem) = await RequestBody.ReadJsonAsync<PublishPlanRequest>(request, cancellation);
            if (problem is not null)
            {
                return problem;
            }

            command = parsed!.ToCommand();
        }
        else
        {
            return Problems.UnsupportedMediaType(request.ContentType);
        }

        var result = await grains.GetGrain<IBodyGrain>(id).PublishPlanAsync(command with { IfMatch = PlanVersionHeaders.IfMatch(request) });
        return result.Value is { } plan
            ? PlanVersionHeaders.With(request, plan.Stamp, TypedResults.Created($"/api/bodies/{id}/plans/{plan.Year}", new PublishResponse(plan, warnings)))
            : Problems.From(result.Failure, result.Error);
    }

    /// <summary>The plan now (with its version as ETag), or with <c>asOf</c> as it stood then (<see cref="AsOfQuery"/>).</summary>
    private static async Task<Results<Ok<EffectivePlan>, ProblemHttpResult>> GetAsync(string id, int year, string? asOf, HttpRequest http, IGrainFactory grains)
    {
        if (RouteChecks.BodyAndYear(id, year) is { } routeProblem)
        {
            return routeProblem;
        }

        if (asOf is not null)
        {
            var (instant, asOfProblem) = AsOfQuery.Parse(asOf);
            if (asOfProblem is not null)
            {
                return asOfProblem;
            }

            // A past version is for reading: no ETag, nothing may be based on it.
            var then = await grains.GetGrain<IBodyGrain>(id).GetPlanAsOfAsync(year, instant!.Value);
            return then.Value is { } old ? TypedResults.Ok(old) : Problems.From(then.Failure, then.Error);
        }

        var result = await grains.GetGrain<IBodyGrain>(id).GetPlanAsync(year);
        return result.Value is { } plan ? PlanVersionHeaders.With(http, plan.Stamp, TypedResults.Ok(plan)) : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<Ok<LocalizeResult>, ProblemHttpResult>> LocalizeAsync(
        string id, int year, HttpRequest request, IGrainFactory grains, TimeProvider time, CancellationToken cancellation)
    {
        if (RouteChecks.BodyAndYear(id, year) is { } routeProblem)
        {
            return routeProblem;
        }

        var (body, problem) = await RequestBody.ReadJsonAsync<LocalizeRequest>(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var today = ChinaTime.Today(time);
        var result = await grains.GetGrain<IBodyGrain>(id).LocalizeAsync(body!.ToCommand(year, today) with { IfMatch = PlanVersionHeaders.IfMatch(request) });
        return result.Value is { } localized
            ? PlanVersionHeaders.With(request, localized.Plan.Stamp, TypedResults.Ok(localized))
            : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<Ok<PlanDiff>, ProblemHttpResult>> DiffAsync(string id, int year, IGrainFactory grains)
    {
        if (RouteChecks.BodyAndYear(id, year) is { } routeProblem)
        {
            return routeProblem;
        }

        var result = await grains.GetGrain<IBodyGrain>(id).GetDiffAsync(year);
        return result.Value is { } diff ? TypedResults.Ok(diff) : Problems.From(result.Failure, result.Error);
    }
}
