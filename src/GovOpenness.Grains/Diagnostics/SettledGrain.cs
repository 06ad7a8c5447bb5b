using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Grains.Hosting;
using Orleans.Concurrency;

namespace GovOpenness.Grains.Diagnostics;

/// <summary>The silo's <see cref="SettleTracker"/> behind a grain call: local, reentrant, never writes.</summary>
[StatelessWorker, Reentrant, GrainType("settled")]
public sealed class SettledGrain(SettleTracker tracker, ILocalSiloDetails silo) : Grain, ISettledGrain
{
    public Task<SettledReport> GetReportAsync() => Task.FromResult(tracker.Report(silo.SiloAddress.ToString()));

    public async Task<SettledReport> WaitSettledAsync(TimeSpan limit)
    {
        try
        {
            await tracker.WaitSettledAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            // Answer with what is still pending rather than fail: the caller says what it waited for.
        }

        return tracker.Report(silo.SiloAddress.ToString());
    }
}
