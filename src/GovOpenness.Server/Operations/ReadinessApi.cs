using GovOpenness.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Runtime;

namespace GovOpenness.Server.Operations;

/// <summary>
/// /health/ready, for a load balancer: this silo joined the cluster (Active in the membership table;
/// its start-up, which applies the schema, is over) and answers a grain call. /alive and /health are
/// in Apis/HealthApi.cs.
/// </summary>
public static class ReadinessApi
{
    public static IEndpointRouteBuilder MapGovOpennessReadiness(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/ready", CheckAsync).AllowAnonymous(); // orchestrators probe without signing in
        return app;
    }

    private static async Task<Results<Ok<Readiness>, ProblemHttpResult>> CheckAsync(IClusterMembershipService membership, ILocalSiloDetails silo, IGrainFactory grains)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        if (status != SiloStatus.Active)
        {
            return Unavailable($"本节点尚未加入集群（状态：{status}）");
        }

        try
        {
            await grains.GetGrain<IBodyGrain>("cn").GetInfoAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (TransientFailureHandler.IsTransient(e) || e is OrleansException)
        {
            return Unavailable($"本节点已加入集群，但暂时无法调用：{e.Message}");
        }

        return TypedResults.Ok(new Readiness("ready", silo.SiloAddress.ToString(), active));
    }

    private static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "服务尚未就绪");

    public sealed record Readiness(string Status, string Silo, int ActiveSilos);
}
