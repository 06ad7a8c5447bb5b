using GovOpenness.Abstractions;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// After a restart, publishers whose outbox was still open carry on where they stopped: at start-up the
/// silo asks the outbox registry to resume them. That first ask is awaited, as before. If it fails (the
/// database not answering yet, the registry's read failing where it was placed) the silo still starts,
/// since a silo that cannot start helps no one, and the ask is repeated in the background, backing off
/// up to a minute, until it succeeds or the silo stops, so no open outbox waits for the next restart.
/// </summary>
public sealed partial class OutboxResumption(IGrainFactory grains, TimeProvider time, ILogger<OutboxResumption> logger) : IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync()
    {
        try
        {
            await ResumeOnceAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRetrying(e.Message);
            _ = RetryAsync(_stopping.Token); // runs until it succeeds or the silo stops; it logs its own failures

        }
    }

    private Task ResumeOnceAsync() => grains.GetGrain<IOutboxRegistryGrain>(IOutboxRegistryGrain.Key).ResumeAllAsync();

    private async Task RetryAsync(CancellationToken stopping)
    {
        var wait = FirstRetry;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, time, stopping);
                await ResumeOnceAsync();
                LogResumed();
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRetrying(e.Message);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "启动时未能恢复未完成的下发（{Reason}），稍后重试")]
    private partial void LogRetrying(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "未完成的下发已恢复")]
    private partial void LogResumed();
}
