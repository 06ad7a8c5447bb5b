using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Grains.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// GET /health/settled: whether this host's silo has settled (deliveries acknowledged, the milestone
/// relay empty, roll-ups flushed to the parents, pushes forwarded). 200 when settled, 503 with what is
/// pending otherwise. <c>?wait=N</c> answers as soon as it settles, within N seconds (at most 120), so
/// a test or a deploy script waits for the event instead of polling. In a cluster, ask every host:
/// each answers for its own silo, and <c>changes</c> equal in two rounds means nothing moved between.
/// </summary>
public static class SettledApi
{
    private const int MaxWaitSeconds = 120;

    public static IEndpointRouteBuilder MapSettledApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/settled", GetAsync).AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<SettledReport>, JsonHttpResult<SettledReport>, ProblemHttpResult>> GetAsync(
        SettleTracker tracker, ILocalSiloDetails silo, TimeProvider time, CancellationToken cancellation, int wait = 0)
    {
        if (wait is < 0 or > MaxWaitSeconds)
        {
            return Problems.Invalid($"wait“{wait}”无效：应为0到{MaxWaitSeconds}之间的秒数");
        }

        // The tracker's signal can fire and new work enter before the report is taken (a push, a reconciler
        // resend): wait for the next settle then, until one report is settled or the wait is spent.
        var deadline = time.GetUtcNow().AddSeconds(wait);
        var report = tracker.Report(silo.SiloAddress.ToString());
        while (!report.Settled && deadline - time.GetUtcNow() is var left && left > TimeSpan.Zero)
        {
            try
            {
                await tracker.WaitSettledAsync(cancellation).WaitAsync(left, time, cancellation);
            }
            catch (TimeoutException)
            {
                // Answer with what is still pending.
            }

            report = tracker.Report(silo.SiloAddress.ToString());
        }

        return report.Settled ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
