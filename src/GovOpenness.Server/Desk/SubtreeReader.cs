using System.Collections.Concurrent;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Bodies;
using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Server.Desk;

/// <summary>
/// Reads a whole subtree for the supervisor's desk (filtered lists, the 台账, the annual report): the
/// bodies top down through the body grains (departments included), then each body's progress record
/// (<see cref="IBodyProgressReaderGrain"/>: the record as the progress grain holds it, targets derived
/// there) and its plan's items. Calls run a bounded number at a time, so a province's 1,486 bodies
/// do not flood the silo; plans that several bodies share (same stamp) are turned into rows once.
/// </summary>
public sealed class SubtreeReader(IGrainFactory grains)
{
    /// <summary>Grain calls in flight at once for one read.</summary>
    public const int Parallelism = 48;

    private const int ChildrenPage = 500;

    /// <summary>
    /// The subtree's bodies in tree order (parents before children), or null when the root does not exist.
    /// Without <paramref name="withItems"/> the plans are not read (a recount needs the records only).
    /// </summary>
    public async Task<IReadOnlyList<BodySheet>?> ReadAsync(string rootId, int year, CancellationToken cancellation, bool withItems = true)
    {
        var tree = await WalkAsync(rootId, cancellation);
        if (tree is null)
        {
            return null;
        }

        var plans = new ConcurrentDictionary<string, IReadOnlyList<LedgerItem>>(StringComparer.Ordinal);
        var sheets = new BodySheet[tree.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, tree.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation }, async (i, _) =>
        {
            var (body, path) = tree[i];
            var progressKey = IProgressGrain.Key(body.Id, year);
            var reading = grains.GetGrain<IBodyProgressReaderGrain>(progressKey).GetOwnProgressAsync();
            IReadOnlyList<LedgerItem> items = [];
            if (withItems && (await grains.GetGrain<IBodyGrain>(body.Id).GetPlanAsync(year)).Value is { } p)
            {
                items = plans.GetOrAdd(p.Stamp, _ => ItemsOf(p));
            }

            var progress = await reading;
            sheets[i] = new BodySheet(body, path, progress, items);
        });
        return sheets;
    }

    /// <summary>
    /// How many division bodies lie in the subtree (departments not counted), from the vendored catalog:
    /// a cheap check before a read that would walk the whole country.
    /// </summary>
    public static int EstimateSize(string rootId)
    {
        var catalog = DivisionCatalog.China;
        var owner = BodyId.OwnerOfDepartment(rootId);
        if (owner is not null || catalog.Find(rootId) is null)
        {
            return 1;
        }

        var count = 0;
        var stack = new Stack<string>([rootId]);
        while (stack.TryPop(out var id))
        {
            count++;
            foreach (var child in catalog.ChildrenOf(id))
            {
                stack.Push(child);
            }
        }

        return count;
    }

    /// <summary>
    /// How many bodies the subtree holds as <see cref="ReadAsync"/> walks it (departments included), level by
    /// level, holding one level's ids at a time and reading no record; null when the root does not exist.
    /// </summary>
    public async Task<long?> CountAsync(string rootId, CancellationToken cancellation)
    {
        if (await grains.GetGrain<IBodyGrain>(rootId).GetInfoAsync() is not { } root)
        {
            return null;
        }

        long count = 0;
        List<BodyInfo> level = [root];
        while (level.Count > 0)
        {
            count += level.Count;
            var next = new ConcurrentBag<BodyInfo>();
            await Parallel.ForEachAsync(level.Where(b => b.Level is not (BodyLevel.Township or BodyLevel.Village)),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation }, async (body, _) =>
                {
                    foreach (var child in await ChildrenAsync(body.Id))
                    {
                        next.Add(child);
                    }
                });
            level = [.. next];
        }

        return count;
    }

    /// <summary>One body's progress record for the year (targets included), without its plan or path.</summary>
    public Task<Domain.Progress.BodyProgress> ReadProgressAsync(string bodyId, int year) =>
        grains.GetGrain<IBodyProgressReaderGrain>(IProgressGrain.Key(bodyId, year)).GetOwnProgressAsync();

    /// <summary>A body's direct children (departments included), page by page; empty for a body without any.</summary>
    public async Task<IReadOnlyList<BodyInfo>> ChildrenAsync(string bodyId)
    {
        var list = new List<BodyInfo>();
        for (var skip = 0; ; skip += ChildrenPage)
        {
            var view = await grains.GetGrain<IBodyGrain>(bodyId).GetViewAsync(skip, ChildrenPage);
            if (view.Value is not { } page)
            {
                return list;
            }

            list.AddRange(page.Children);
            if (skip + page.Children.Count >= page.ChildCount || page.Children.Count == 0)
            {
                return list;
            }
        }
    }

    /// <summary>One body alone (its own items), or null when it does not exist.</summary>
    public async Task<BodySheet?> ReadOneAsync(string bodyId, int year)
    {
        var info = await grains.GetGrain<IBodyGrain>(bodyId).GetInfoAsync();
        if (info is null)
        {
            return null;
        }

        var path = await PathToAsync(info);
        var plan = await grains.GetGrain<IBodyGrain>(bodyId).GetPlanAsync(year);
        var progress = await grains.GetGrain<IBodyProgressReaderGrain>(IProgressGrain.Key(bodyId, year)).GetOwnProgressAsync();
        return new BodySheet(ToBody(info), path, progress, plan.Value is { } p ? ItemsOf(p) : []);
    }

    /// <summary>Every body of the subtree with its path, in tree order; null when the root is unknown.</summary>
    private async Task<List<(Body Body, IReadOnlyList<Body> Path)>?> WalkAsync(string rootId, CancellationToken cancellation)
    {
        var root = await grains.GetGrain<IBodyGrain>(rootId).GetInfoAsync();
        if (root is null)
        {
            return null;
        }

        // Level by level (each level's pages fetched in parallel), then laid out in tree order.
        var rootPath = await PathToAsync(root);
        rootPath.RemoveAt(rootPath.Count - 1); // the ancestors only: the walk adds the root itself
        var children = new ConcurrentDictionary<string, IReadOnlyList<BodyInfo>>(StringComparer.Ordinal);
        List<BodyInfo> level = [root];
        while (level.Count > 0)
        {
            var next = new ConcurrentBag<BodyInfo>();
            await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation }, async (body, _) =>
            {
                if (body.Level is BodyLevel.Township or BodyLevel.Village)
                {
                    return; // the bottom of the hierarchy the grains keep
                }

                var list = await ChildrenAsync(body.Id);
                children[body.Id] = list;
                foreach (var child in list)
                {
                    next.Add(child);
                }
            });
            level = [.. next];
        }

        var ordered = new List<(Body, IReadOnlyList<Body>)>();
        void Visit(BodyInfo info, IReadOnlyList<Body> above)
        {
            var body = ToBody(info);
            IReadOnlyList<Body> path = [.. above, body];
            ordered.Add((body, path));
            foreach (var child in children.GetValueOrDefault(info.Id) ?? [])
            {
                Visit(child, path);
            }
        }

        Visit(root, rootPath);
        return ordered;
    }

    /// <summary>The body and its ancestors, top down, by following parent ids (a path is at most a handful long).</summary>
    private async Task<List<Body>> PathToAsync(BodyInfo info)
    {
        var path = new List<Body> { ToBody(info) };
        for (var current = info; current.ParentId is { } parentId && path.Count < 16;)
        {
            if (await grains.GetGrain<IBodyGrain>(parentId).GetInfoAsync() is not { } parent)
            {
                break;
            }

            path.Insert(0, ToBody(parent));
            current = parent;
        }

        return path;
    }

    private static Body ToBody(BodyInfo info) => new(info.Id, info.Name, info.ParentId, info.Level);

    private static IReadOnlyList<LedgerItem> ItemsOf(EffectivePlan plan) =>
        [.. plan.Items.Select(i => new LedgerItem(
            i.Item.Id,
            i.Item.Heading,
            string.Join("；", i.Item.Deadlines.Select(d => d.Text).Distinct()),
            i.Item.Units,
            i.Item.Depth))];
}
