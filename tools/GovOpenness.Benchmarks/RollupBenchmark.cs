using System.Diagnostics;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;
using GovOpenness.Tools;

namespace GovOpenness.Benchmarks;

/// <summary>
/// The progress roll-up over the real tree down to townships (≈44,700 bodies × 30 items), in memory:
/// a full recount from the leaves (the baseline), the first roll-up through deltas, then a burst of
/// township updates flushed in batches, with the root checked against a recount at the end.
/// </summary>
public sealed class RollupBenchmark : IBenchmark
{
    private const int Year = 2022;
    private const int ItemsPerBody = 30;

    // One string per item id, shared by all bodies as they would be when plans share their parent's ids.
    private static readonly string[] ItemIds = [.. Enumerable.Range(0, ItemsPerBody).Select(k => $"{(k / 6) + 1}.{(k % 6) + 1}")];

    public string Name => "rollup";

    public string Description => "进度汇总：全国约4.5万个机构×30项，批量增量上报与从叶子重算的对比";

    public int Run(string[] args)
    {
        var breakdown = args.Contains("--breakdown");
        var numbers = args.Where(a => a != "--breakdown").ToArray();
        var updates = numbers.Length > 0 && int.TryParse(numbers[0], out var n) ? n : 200_000;
        var batch = numbers.Length > 1 && int.TryParse(numbers[1], out var b) ? b : 5_000;
        var calendar = WorkingDayCalendar.China;
        var today = new DateOnly(Year, 8, 10);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var tree = Tree.Build(DivisionCatalog.China, today);
        Console.WriteLine($"机构 {tree.Count:N0} 个，每个 {ItemsPerBody} 项；更新 {updates:N0} 次，每 {batch:N0} 次汇总上报一轮");

        var recount = Stopwatch.StartNew();
        var recountCpu = Cpu();
        var recounted = tree.Recount(today, calendar);
        recountCpu = Cpu() - recountCpu;
        recount.Stop();

        var initial = Stopwatch.StartNew();
        for (var i = 0; i < tree.Count; i++)
        {
            tree.Rollups[i].SetOwn(ProgressFigures.ForBody(tree.Progress[i], today, calendar));
            tree.MarkDirty(i);
        }

        var (initialDeltas, _) = tree.Flush();
        initial.Stop();
        var heapPerBody = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / (double)tree.Count;

        if (breakdown)
        {
            // The parts of one update measured alone, in a warm loop (no cache misses, little GC).
            var c0 = Cpu();
            for (var k = 0; k < updates; k++)
            {
                ProgressFigures.ForBody(tree.Progress[k % tree.Count], today, calendar);
            }

            var c1 = Cpu();
            for (var k = 0; k < updates; k++)
            {
                tree.Progress[k % tree.Count].Apply(new ProgressUpdate(Year, ItemIds[k % ItemsPerBody], ProgressStep.Acknowledged), today);
            }

            var c2 = Cpu();
            for (var k = 0; k < updates; k++)
            {
                _ = tree.Rollups[k % tree.Count].Summary.Extremes;
                tree.Rollups[k % tree.Count].SetOwn(OwnFigures.None);
            }

            var c3 = Cpu();
            Console.WriteLine($"ForBody {(c1 - c0).TotalMicroseconds / updates:F2} µs, Apply {(c2 - c1).TotalMicroseconds / updates:F2} µs, SetOwn+Summary {(c3 - c2).TotalMicroseconds / updates:F2} µs");
            return 0;
        }

        var random = new Random(42);
        var leaves = Enumerable.Range(0, tree.Count).Where(i => tree.Children[i].Count == 0).ToArray();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var burst = Stopwatch.StartNew();
        var burstCpu = Cpu();
        long applied = 0, deltas = 0, rootCalls = 0, rounds = 0;
        var flushCpu = TimeSpan.Zero;
        for (var u = 1; u <= updates; u++)
        {
            var body = leaves[random.Next(leaves.Length)];
            var progress = tree.Progress[body];
            var target = progress.Targets[random.Next(ItemsPerBody)];
            var step = NextStep(progress.ProgressOf(target.ItemId).Status, random);
            var update = new ProgressUpdate(Year, target.ItemId, step, Percent: random.Next(101), Note: step == ProgressStep.Returned ? "请补充印证资料" : null);
            var result = progress.Apply(update, today);
            if (result.Outcome.IsApplied)
            {
                applied++;
                tree.Progress[body] = result.Body;
                tree.Rollups[body].SetOwn(ProgressFigures.ForBody(result.Body, today, calendar));
                tree.MarkDirty(body);
            }

            if (u % batch == 0 || u == updates)
            {
                var flushStart = Cpu();
                var (sent, toRoot) = tree.Flush();
                flushCpu += Cpu() - flushStart;
                deltas += sent;
                rootCalls += toRoot;
                rounds++;
            }
        }

        burst.Stop();
        burstCpu = Cpu() - burstCpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var exact = tree.Rollups[0].Summary.Counts.Equals(tree.Recount(today, calendar).Counts) && recounted.Counts.Bodies == tree.Count;

        // CPU time as well as wall time: the machine is shared, and the work is single-threaded.
        var perUpdateUs = burstCpu.TotalMicroseconds / updates;
        var recountPerBodyUs = recountCpu.TotalMicroseconds / tree.Count;
        Console.WriteLine($"基线：从叶子全量重算 {recount.Elapsed.TotalMilliseconds:F0} ms（CPU {recountCpu.TotalMilliseconds:F0} ms，每机构 {recountPerBodyUs:F2} µs）");
        Console.WriteLine($"首次增量汇总 {initial.Elapsed.TotalMilliseconds:F0} ms，增量 {initialDeltas:N0} 条，为全量重算的 {initial.Elapsed / recount.Elapsed:F2} 倍");
        Console.WriteLine($"更新 {updates:N0} 次（生效 {applied:N0}）共 {burst.Elapsed.TotalMilliseconds:F0} ms（CPU {burstCpu.TotalMilliseconds:F0} ms）：{updates / burstCpu.TotalSeconds:N0} 次/CPU秒，每次 {perUpdateUs:F2} µs = 重算一个机构的 {perUpdateUs / recountPerBodyUs:F2} 倍，全量重算的 {perUpdateUs / recountCpu.TotalMicroseconds:P3}");
        Console.WriteLine($"其中汇总上报 CPU {flushCpu.TotalMilliseconds:F0} ms；GC 次数 gen0/1/2 = {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        Console.WriteLine($"上报 {rounds} 轮，增量 {deltas:N0} 条（每轮 {deltas / Math.Max(1, rounds):N0} 条），到根的调用每轮 {rootCalls / (double)Math.Max(1, rounds):F1} 次");
        Console.WriteLine($"每次更新分配 {allocated / (double)updates:N0} 字节；进度与汇总常驻每机构 {heapPerBody / 1024:F1} KB；峰值内存 {MemoryPeaks.Mb(MemoryPeaks.ProcessPeakBytes)}");
        Console.WriteLine($"根汇总与全量重算一致：{(exact ? "是" : "否")}");
        return exact ? 0 : 1;
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static ProgressStep NextStep(ItemStatus status, Random random) => status switch
    {
        ItemStatus.Pending => ProgressStep.Acknowledged,
        ItemStatus.Acknowledged or ItemStatus.InProgress => random.Next(3) == 0 ? ProgressStep.Reported : ProgressStep.InProgress,
        ItemStatus.Reported => random.Next(4) == 0 ? ProgressStep.Returned : ProgressStep.Accepted,
        _ => ProgressStep.InProgress,
    };

    /// <summary>The tree as arrays indexed top-down (a parent before its children).</summary>
    private sealed class Tree
    {
        private readonly List<int>[] _dirtyByDepth;
        private readonly bool[] _dirty;

        private Tree(int count, int maxDepth)
        {
            Count = count;
            Parent = new int[count];
            Depth = new int[count];
            Children = new List<int>[count];
            Progress = new BodyProgress[count];
            Rollups = new SubtreeRollup[count];
            Outboxes = new SummaryOutbox[count];
            _dirty = new bool[count];
            _dirtyByDepth = [.. Enumerable.Range(0, maxDepth + 1).Select(_ => new List<int>())];
        }

        public int Count { get; }

        public int[] Parent { get; }

        public int[] Depth { get; }

        public List<int>[] Children { get; }

        public BodyProgress[] Progress { get; }

        public SubtreeRollup[] Rollups { get; }

        public SummaryOutbox[] Outboxes { get; }

        public static Tree Build(DivisionCatalog catalog, DateOnly today)
        {
            var bodies = catalog.InTopDownOrder.Where(b => b.Level is not BodyLevel.Village and not BodyLevel.Department).ToList();
            var index = bodies.Select((b, i) => (b.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            var tree = new Tree(bodies.Count, 6);
            var random = new Random(7);
            for (var i = 0; i < bodies.Count; i++)
            {
                var parent = bodies[i].ParentId is { } p && index.TryGetValue(p, out var pi) ? pi : -1;
                tree.Parent[i] = parent;
                tree.Depth[i] = parent < 0 ? 0 : tree.Depth[parent] + 1;
                tree.Children[i] = [];
                if (parent >= 0)
                {
                    tree.Children[parent].Add(i);
                }

                var targets = Enumerable.Range(0, ItemsPerBody)
                    .Select(k => new ItemTarget(ItemIds[k], today.AddDays(random.Next(-40, 140)), 1 + (k % 3)))
                    .ToArray();
                var issued = new DateOnly(Year, 4, 11).AddDays(tree.Depth[i] * 12);
                tree.Progress[i] = new BodyProgress(bodies[i].Id, Year, bodies[i].ParentId)
                {
                    Targets = [.. targets],
                    Milestones = new PlanMilestones(issued, issued.AddDays(1), issued.AddDays(random.Next(3, 20)), issued.AddDays(random.Next(5, 30))),
                };
                tree.Rollups[i] = new SubtreeRollup(bodies[i].Id, Year);
                tree.Outboxes[i] = new SummaryOutbox(bodies[i].Id, Year, 1);
            }

            return tree;
        }

        public void MarkDirty(int body)
        {
            if (!_dirty[body])
            {
                _dirty[body] = true;
                _dirtyByDepth[Depth[body]].Add(body);
            }
        }

        /// <summary>Sends one coalesced delta from every changed body to its parent, deepest first.</summary>
        public (long Deltas, long ToRoot) Flush()
        {
            long deltas = 0, toRoot = 0;
            for (var depth = _dirtyByDepth.Length - 1; depth >= 1; depth--)
            {
                foreach (var body in _dirtyByDepth[depth])
                {
                    _dirty[body] = false;
                    var delta = Outboxes[body].TakeDelta(Rollups[body].Summary);
                    if (delta is null)
                    {
                        continue;
                    }

                    var parent = Parent[body];
                    Outboxes[body].Acknowledge(Rollups[parent].Receive(delta));
                    MarkDirty(parent);
                    deltas++;
                    toRoot += parent == 0 ? 1 : 0;
                }

                _dirtyByDepth[depth].Clear();
            }

            foreach (var root in _dirtyByDepth[0])
            {
                _dirty[root] = false;
            }

            _dirtyByDepth[0].Clear();
            return (deltas, toRoot);
        }

        /// <summary>The root's summary from scratch: every body's own figures added into its ancestors.</summary>
        public SubtreeSummary Recount(DateOnly today, WorkingDayCalendar calendar)
        {
            var sums = new long[Count][];
            for (var i = Count - 1; i >= 0; i--)
            {
                var own = ProgressFigures.ForBody(Progress[i], today, calendar).Counts;
                sums[i] ??= new long[SummaryCounts.Length];
                own.AddTo(sums[i]);
                if (Parent[i] >= 0)
                {
                    var parent = sums[Parent[i]] ??= new long[SummaryCounts.Length];
                    for (var f = 0; f < parent.Length; f++)
                    {
                        parent[f] += sums[i][f];
                    }
                }
            }

            return new SubtreeSummary(Progress[0].BodyId, Year, SummaryCounts.From(sums[0]), SummaryExtremes.None);
        }
    }
}
