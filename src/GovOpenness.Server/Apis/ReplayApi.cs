using GovOpenness.Grains.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>GET /api/replay: how far the replay has got (404 problem when the server runs no replay).</summary>
public static class ReplayApi
{
    public static IEndpointRouteBuilder MapReplayApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/replay", (IServiceProvider services) => Status(services.GetService<ReplayDriver>())).ProducesProblems(404);
        return app;
    }

    private static Results<Ok<ReplayStatus>, ProblemHttpResult> Status(ReplayDriver? driver) => driver is null
        ? TypedResults.Problem("本服务器没有运行模拟回放：启动时加 --GovOpenness:Replay:Scenario=场景文件 即可回放",
            statusCode: StatusCodes.Status404NotFound, title: "未找到")
        : TypedResults.Ok(driver.Status);
}
