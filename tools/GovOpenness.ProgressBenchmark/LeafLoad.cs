using GovOpenness.Abstractions;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.ProgressBenchmark;

/// <summary>
/// Many concurrent clients posting progress on leaves (townships). Client c owns the leaves whose
/// index ≡ c (mod clients), so no two clients race on one item. The load uses items 1..29 and only
/// the steps 签收 and 办理; item 30 and 反馈 are left to the freshness probe.
/// </summary>
internal sealed class LeafLoad(IGrainFactory grains, IReadOnlyList<string> leaves, int year, int clients)
{
    /// <summary>When set, each step is first authorized and recorded as the server does (<see cref="AuthorizedSteps"/>).</summary>
    public AuthorizedSteps? Authorization { get; set; }

    public const int LoadItems = 29;

    private readonly byte[] _acknowledged = new byte[leaves.Count * LoadItems];

    // One reference per leaf, made once: Orleans' GetGrain resolves the interface by reflection each time.
    private readonly IProgressGrain[] _grains = [.. leaves.Select(leaf => grains.GetGrain<IProgressGrain>(IProgressGrain.Key(leaf, year)))];

    /// <summary>Each leaf acknowledges its first item: activates every leaf's progress grain (and the tree above).</summary>
    public async Task<int> TouchEveryLeafAsync()
    {
        var stored = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            for (var leaf = c; leaf < leaves.Count; leaf += clients)
            {
                if (await PostAsync(leaf, 0, 0))
                {
                    Interlocked.Increment(ref stored);
                }
            }
        }));
        return stored;
    }

    /// <summary>Posts until <paramref name="stop"/>; returns the acknowledged (stored) updates and the refused ones.</summary>
    public async Task<(long Stored, long Refused)> RunAsync(CancellationToken stop)
    {
        long stored = 0, refused = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var mine = (leaves.Count - c + clients - 1) / clients;
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var leaf = c + (random.Next(mine) * clients);
                if (await PostAsync(leaf, random.Next(LoadItems), ++n))
                {
                    Interlocked.Increment(ref stored);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })));
        return (stored, refused);
    }

    private async Task<bool> PostAsync(int leaf, int item, int n)
    {
        var slot = (leaf * LoadItems) + item;
        var update = _acknowledged[slot] == 0
            ? new ProgressUpdate(year, ItemId(item), ProgressStep.Acknowledged)
            : new ProgressUpdate(year, ItemId(item), ProgressStep.InProgress, Percent: n % 100, Note: $"第{n}次办理");
        if (Authorization is { } authorization)
        {
            if (await authorization.AuthorizeAsync(leaves[leaf]) is not { } account)
            {
                return false;
            }

            Grains.Storage.Audit.ActContext.Set(account, $"bench-{leaves[leaf]}-{n}", "127.0.0.1");
        }

        var result = await _grains[leaf].RecordProgressAsync(update, Authorization is null ? null : leaves[leaf]);
        Grains.Storage.Audit.ActContext.Clear();
        if (result.Succeeded)
        {
            _acknowledged[slot] = 1;
        }

        return result.Succeeded;
    }

    /// <summary>Item ids of the benchmark plan: "1.1" … "5.6" (six per section).</summary>
    public static string ItemId(int index) => $"{1 + (index / 6)}.{1 + (index % 6)}";
}
