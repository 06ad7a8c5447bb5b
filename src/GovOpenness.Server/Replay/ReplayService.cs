using GovOpenness.Grains.Hosting;

namespace GovOpenness.Server.Replay;

/// <summary>Runs the replay once the server has started (the silo is up and takes calls).</summary>
internal sealed class ReplayService(ReplayDriver driver, IHostApplicationLifetime lifetime, ILogger<ReplayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var status = driver.Status;
        logger.LogInformation("模拟回放开始：{Scenario}（{File}），{Bodies}个机构，{Events}个事件，速度{Speed}倍", status.Scenario, status.File, status.BodiesTotal, status.EventsTotal, status.Speed);
        await driver.RunAsync(stoppingToken);
    }
}
