using System.Diagnostics;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.LiveBenchmark;

/// <summary>
/// Drives summary changes: durable progress steps at a steady rate, round-robin over the leaf bodies,
/// each step one that changes the body's counts (签收, then 办理, then 反馈, item after item).
/// </summary>
public sealed class ProgressDriver(IGrainFactory grains, IReadOnlyList<string> leaves, int year, int items)
{
    private static readonly ProgressStep[] Steps = [ProgressStep.Acknowledged, ProgressStep.InProgress, ProgressStep.Reported];
    private readonly int[] _next = new int[leaves.Count];
    private int _cursor;

    public int Applied;
    public int Rejected;

    public async Task RunAsync(double perSecond, TimeSpan duration)
    {
        var tick = TimeSpan.FromMilliseconds(20);
        var perTick = perSecond * tick.TotalSeconds;
        var owed = 0.0;
        var inFlight = new List<Task>();
        using var timer = new PeriodicTimer(tick);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            owed += perTick;
            for (; owed >= 1; owed--)
            {
                inFlight.Add(StepAsync());
            }

            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
    }

    private async Task StepAsync()
    {
        var leaf = Interlocked.Increment(ref _cursor) % leaves.Count;
        var index = Interlocked.Increment(ref _next[leaf]) - 1;
        var step = Steps[index / items % Steps.Length];
        var item = (index % items + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var update = new ProgressUpdate(year, item, step, step == ProgressStep.InProgress ? 50 : null, "基准测试", step == ProgressStep.Reported ? ["https://example.gov.cn/evidence"] : []);
        var result = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(leaves[leaf], year)).RecordProgressAsync(update, null);
        Interlocked.Increment(ref result.Succeeded ? ref Applied : ref Rejected);
    }
}
