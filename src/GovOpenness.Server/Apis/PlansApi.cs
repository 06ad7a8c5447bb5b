using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>Publishing, reading, localizing and diffing a body's plan for a year.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/bodies/{id}/plans");
        plans.MapPost("/", PublishAsync);
        plans.MapGet("/{year:int}", GetAsync);
        plans.MapPost("/{year:int}/localize", LocalizeAsync);
        plans.MapGet("/{year:int}/diff", DiffAsync);
        return app;
    }

    /// <summary>What publishing answers: the plan as published and what the parser wants checked.</summary>
    public sealed record PublishResponse(EffectivePlan Plan, IReadOnlyList<PlanWarning> Warnings);

    /// <summary>The body of a localize request; the year comes from the route, today from the server clock.</summary>
    public sealed record LocalizeRequest(IReadOnlyList<ItemChange>? Changes, LocalizationPolicyData? Policy);

    private static async Task<Results<Created<PublishResponse>, ProblemHttpResult>> PublishAsync(
        string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellation)
    {
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
        else if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var (parsed, problem) = await RequestBody.ReadJsonAsync<PublishPlanCommand>(request, cancellation);
            if (problem is not null)
            {
                return problem;
            }

            command = parsed! with { Items = parsed!.Items ?? [] };
        }
        else
        {
            return Problems.UnsupportedMediaType(request.ContentType);
        }

        var result = await grains.GetGrain<IBodyGrain>(id).PublishPlanAsync(command);
        return result.Value is { } plan
            ? TypedResults.Created($"/api/bodies/{id}/plans/{plan.Year}", new PublishResponse(plan, warnings))
            : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<Ok<EffectivePlan>, ProblemHttpResult>> GetAsync(string id, int year, IGrainFactory grains)
    {
        var result = await grains.GetGrain<IBodyGrain>(id).GetPlanAsync(year);
        return result.Value is { } plan ? TypedResults.Ok(plan) : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<Ok<LocalizeResult>, ProblemHttpResult>> LocalizeAsync(
        string id, int year, HttpRequest request, IGrainFactory grains, TimeProvider time, CancellationToken cancellation)
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<LocalizeRequest>(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var today = ChinaTime.Today(time);
        var result = await grains.GetGrain<IBodyGrain>(id).LocalizeAsync(new LocalizeCommand(year, body!.Changes ?? [], body.Policy, today));
        return result.Value is { } localized ? TypedResults.Ok(localized) : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<Ok<PlanDiff>, ProblemHttpResult>> DiffAsync(string id, int year, IGrainFactory grains)
    {
        var result = await grains.GetGrain<IBodyGrain>(id).GetDiffAsync(year);
        return result.Value is { } diff ? TypedResults.Ok(diff) : Problems.From(result.Failure, result.Error);
    }
}
