using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// Waits for the cluster's own signal that the pipeline has settled (deliveries acknowledged, relays
/// empty, roll-ups flushed, pushes forwarded) instead of polling a figure: every silo's tracker must
/// be settled, and two reads in a row must see the same change counts (nothing moved in between).
/// </summary>
internal static class Settled
{
    public static async Task WaitAsync(TestCluster cluster, TimeSpan? limit = null)
    {
        var trackers = cluster.Silos.OfType<InProcessSiloHandle>()
            .Select(s => s.SiloHost.Services.GetRequiredService<SettleTracker>())
            .ToList();
        Assert.NotEmpty(trackers);
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                await Task.WhenAll(trackers.Select(t => t.WaitSettledAsync(timeout.Token)));
            }
            catch (OperationCanceledException)
            {
                Assert.Fail("the cluster did not settle: " + string.Join("; ", trackers.Select(t => t.Report("silo"))
                    .Select(r => string.Join(", ", r.Pending.Select(p => $"{p.Kind}={p.Count} [{string.Join(" ", p.Keys)}]")))));
            }

            var first = trackers.Select(t => (t.IsSettled, t.Changes)).ToList();
            var second = trackers.Select(t => (t.IsSettled, t.Changes)).ToList();
            if (first.All(r => r.IsSettled) && first.SequenceEqual(second))
            {
                return;
            }
        }
    }
}
