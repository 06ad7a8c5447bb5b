using GovOpenness.Grains.Storage.Journal;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Storage;

namespace GovOpenness.Server.Operations;

/// <summary>
/// A request that lands while a silo joins or leaves, or while the database restarts, fails with one of
/// Orleans' or the driver's transient exceptions. Those are answered 503 with Retry-After and a Chinese
/// problem (the client retries), never a bare 500. Anything else falls through to the default handler.
/// </summary>
public sealed partial class TransientFailureHandler(IProblemDetailsService problems, ILogger<TransientFailureHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait: about one membership probe, enough for a grain to move.</summary>
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!(IsTransient(exception) || IsCancelledByTheCluster(exception, context.RequestAborted)) || context.Response.HasStarted)
        {
            return false;
        }

        LogTransient(logger, exception.GetType().Name, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "服务暂不可用",
                Detail = $"集群正在调整（节点加入或退出、数据库重启），本次请求没有生效，请在{RetryAfterSeconds}秒后重试。",
            },
        });
    }

    /// <summary>Whether the exception, or one it wraps, is a failure that a retry can get past.</summary>
    public static bool IsTransient(Exception exception) => Unwrapped(exception).Any(IsTransientAlone);

    // A database failure inside a grain leaves its storage as StorageUnavailableException (also from
    // another silo: the driver's own exception has no Orleans codec); Npgsql's and the socket's are the
    // web host's own database calls (accounts, the record). Orleans' placement timeout is Polly's
    // TimeoutRejectedException, where it is thrown (the co-hosted silo placing a grain for this request)
    // and from a grain on another silo (PlacementTimeoutOnTheWire lets Orleans' codec carry it).
    private static bool IsTransientAlone(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            or GatewayTooBusyException or ClientNotAvailableException or OrleansLifecycleCanceledException
            or InconsistentStateException or ProgressNotStoredException or GovOpenness.Abstractions.StorageUnavailableException
            or Npgsql.NpgsqlException or System.Net.Sockets.SocketException
        || e.GetType().FullName is "Orleans.Runtime.Messaging.ConnectionFailedException" or "Orleans.Networking.Shared.ConnectionAbortedException";

    /// <summary>
    /// A cancellation the client did not ask for: a grain's activation cancelled because its silo is
    /// stopping or the grain is leaving (Orleans answers the caller with a TaskCanceledException). The
    /// step was not applied there, and a retry reaches a fresh activation. A request the client aborted is
    /// not answered at all (no one reads the status).
    /// </summary>
    public static bool IsCancelledByTheCluster(Exception exception, CancellationToken requestAborted) =>
        !requestAborted.IsCancellationRequested && Unwrapped(exception).Any(e => e is OperationCanceledException);

    /// <summary>The exception and every one it wraps, through inner exceptions and aggregates.</summary>
    private static IEnumerable<Exception> Unwrapped(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Unwrapped))
                {
                    yield return inner;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient cluster failure ({Exception}) on {Path}: answered 503 with Retry-After")]
    private static partial void LogTransient(ILogger logger, string exception, PathString path);
}
