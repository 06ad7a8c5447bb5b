using System.Diagnostics;
using System.Text.Json;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.ProgressBenchmark;

/// <summary>
/// Root summary freshness, exact: the load never reports (反馈) and never touches item 30, so the
/// root's itemsReported counts probes only. One probe in flight: a leaf reports item 30; the clock
/// starts when the update is acknowledged (persisted) and stops when the root's summary shows one more
/// reported item (polled every few milliseconds, so a figure is at most one poll late).
/// </summary>
internal sealed class FreshnessProbe(IGrainFactory grains, string rootId, IReadOnlyList<string> probeLeaves, int year)
{
    private static readonly string ProbeItem = LeafLoad.ItemId(29);

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);

    /// <summary>Acknowledges item 30 at every probe leaf, so a probe is a single 反馈 step.</summary>
    public Task PrepareAsync() => Task.WhenAll(probeLeaves.Select(leaf => PostAsync(leaf, ProgressStep.Acknowledged)));

    public async Task<List<TimeSpan>> RunAsync(CancellationToken stop)
    {
        var latencies = new List<TimeSpan>();
        var reported = await RootReportedAsync();
        foreach (var leaf in probeLeaves)
        {
            if (stop.IsCancellationRequested)
            {
                break;
            }

            await PostAsync(leaf, ProgressStep.Reported);
            var acknowledged = Stopwatch.StartNew();
            reported++;
            while (await RootReportedAsync() < reported)
            {
                if (acknowledged.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"根节点 30 秒内未反映 {leaf} 的反馈");
                }

                await Task.Delay(PollEvery);
            }

            latencies.Add(acknowledged.Elapsed);
        }

        return latencies;
    }

    private async Task PostAsync(string leaf, ProgressStep step)
    {
        var update = new ProgressUpdate(year, ProbeItem, step, Evidence: step == ProgressStep.Reported ? ["https://example.gov.cn/probe"] : default);
        var result = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(leaf, year)).RecordProgressAsync(update, null);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"探针更新失败（{leaf}）：{result.Error}");
        }
    }

    private async Task<long> RootReportedAsync()
    {
        var summary = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(rootId, year)).GetSummaryAsync();
        return summary.Value!.Summary.Counts.ItemsReported;
    }
}
