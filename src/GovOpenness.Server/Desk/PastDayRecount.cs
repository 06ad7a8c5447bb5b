using System.Collections.Concurrent;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Desk;

/// <summary>
/// A subtree recounted on a past day from every body's record (the live roll-up only knows today). A
/// subtree of at most <see cref="DeskOptions.RecountBatchBodies"/> bodies is read in one piece; a larger
/// one (a national account's 44,700 bodies) is recounted as its root's own record plus one tally per
/// child subtree, each child larger than a batch split the same way, a few parts at a time: memory stays
/// at a few batches whatever the size, and the tallies combine exactly (<see cref="SubtreeTally"/>). A child
/// subtree the live roll-up shows untouched (no plan received, no items) is not read at all
/// (<see cref="SubtreeTally.IsUntouched"/>; its bodies are only counted): the country's recount reads the provinces that have a plan.
/// </summary>
public sealed class PastDayRecount(IGrainFactory grains, SubtreeReader reader, IOptions<DeskOptions> options)
{
    private static WorkingDayCalendar Calendar => WorkingDayCalendar.China;

    private int Batch => Math.Max(1, options.Value.RecountBatchBodies);

    private int PartsAtOnce => Math.Max(1, options.Value.RecountPartsAtOnce);

    /// <summary>The recount of <paramref name="rootId"/>'s subtree at the end of <paramref name="day"/>; null when the root does not exist.</summary>
    public async Task<SubtreeAsOf?> RecountAsync(string rootId, int year, DateOnly day, CancellationToken cancellation)
    {
        if (SubtreeReader.EstimateSize(rootId) <= Batch)
        {
            var sheets = await reader.ReadAsync(rootId, year, cancellation, withItems: false);
            return sheets is null ? null : SubtreeAsOf.Of(sheets, day, Calendar);
        }

        if (await reader.ReadOneAsync(rootId, year) is not { } root)
        {
            return null;
        }

        var children = new ConcurrentDictionary<string, SubtreeTally>(StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = PartsAtOnce, CancellationToken = cancellation };
        await Parallel.ForEachAsync(await reader.ChildrenAsync(rootId), options, async (child, token) =>
            children[child.Id] = await TallyAsync(child.Id, year, day, token));
        return SubtreeAsOf.Combine(root.Progress, children, day, Calendar);
    }

    /// <summary>One child subtree's tally: read whole when it fits a batch, else its own record plus its children's tallies.</summary>
    private async Task<SubtreeTally> TallyAsync(string id, int year, DateOnly day, CancellationToken cancellation)
    {
        // A subtree with nothing in it (a province without a plan this year) is its live counts on any day.
        var live = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(id, year)).GetSummaryAsync();
        if (live.Value is { } view && SubtreeTally.IsUntouched(view.Summary.Counts))
        {
            return SubtreeTally.OfBodies(await reader.CountAsync(id, cancellation) ?? 0);
        }

        if (SubtreeReader.EstimateSize(id) <= Batch)
        {
            var sheets = await reader.ReadAsync(id, year, cancellation, withItems: false);
            return sheets is null ? SubtreeTally.Empty : SubtreeTally.Of(sheets.Select(s => s.Progress), day, Calendar);
        }

        // Depth first, one child at a time: the parallelism is at the top, so memory stays at PartsAtOnce batches.
        var parts = new List<SubtreeTally> { SubtreeTally.Of([await reader.ReadProgressAsync(id, year)], day, Calendar) };
        foreach (var child in await reader.ChildrenAsync(id))
        {
            parts.Add(await TallyAsync(child.Id, year, day, cancellation));
        }

        return SubtreeTally.Combine(parts);
    }
}
