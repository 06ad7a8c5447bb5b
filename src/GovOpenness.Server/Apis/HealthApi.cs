using GovOpenness.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>/alive: the process answers. /health: the silo answers a grain call.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/alive", () => TypedResults.Ok(new AliveReport("alive"))).AllowAnonymous();
        app.MapGet("/health", CheckAsync).ProducesProblems(503).AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> CheckAsync(IGrainFactory grains)
    {
        try
        {
            var root = await grains.GetGrain<IBodyGrain>("cn").GetInfoAsync().WaitAsync(TimeSpan.FromSeconds(10));
            return TypedResults.Ok(new HealthReport("healthy", root?.Name));
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "服务暂不可用");
        }
    }

    public sealed record AliveReport(string Status);

    public sealed record HealthReport(string Status, string? Root);
}
