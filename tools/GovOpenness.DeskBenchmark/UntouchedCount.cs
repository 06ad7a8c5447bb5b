using System.Diagnostics;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Server.Desk;

namespace GovOpenness.DeskBenchmark;

/// <summary>
/// Where the country's recount goes beyond the provinces it reads: counting the bodies of the provinces
/// without a plan (the recount only counts those, <c>SubtreeReader.CountAsync</c>, walking their body grains
/// level by level), timed in-process the way the recount runs it (two provinces at a time).
/// </summary>
public sealed class UntouchedCount(SubtreeReader reader, DeskOptions options)
{
    /// <summary>The provinces the live roll-up shows untouched in the year (what the recount only counts).</summary>
    public static async Task<IReadOnlyList<string>> ProvincesAsync(IGrainFactory grains, int year)
    {
        var provinces = DivisionCatalog.China.ChildrenOf(BodyId.Nation);
        var untouched = await Task.WhenAll(provinces.Select(async p =>
            (await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(p, year)).GetSummaryAsync()).Value is { } view && SubtreeTally.IsUntouched(view.Summary.Counts)));
        return [.. provinces.Where((_, i) => untouched[i])];
    }

    public async Task<(double Ms, long Bodies)> TimeAsync(IReadOnlyList<string> provinces)
    {
        long bodies = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(provinces, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.RecountPartsAtOnce) }, async (province, token) =>
            Interlocked.Add(ref bodies, await reader.CountAsync(province, token) ?? 0));
        return (watch.Elapsed.TotalMilliseconds, bodies);
    }
}
