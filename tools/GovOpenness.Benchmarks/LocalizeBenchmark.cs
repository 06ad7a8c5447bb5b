using System.Diagnostics;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using GovOpenness.Tools;

namespace GovOpenness.Benchmarks;

/// <summary>
/// The domain cost of the cascade, without Orleans or storage: a 30-item plan localized by an automatic
/// policy and materialized for every body of the real hierarchy down to townships, top-down. Baseline:
/// the same walk copying the parent's item list per body. Also prints the stored bytes per body for a
/// full plan copy, the generated changes and the policy itself, the figures behind "store changes, not
/// copies" and "store the policy, not its changes".
/// </summary>
public sealed class LocalizeBenchmark : IBenchmark
{
    public string Name => "localize";

    public string Description => "本地化规则：30项计划按自动策略逐级下发至全部乡级机构（纯内存）";

    public int Run(string[] args)
    {
        var catalog = DivisionCatalog.China;
        var bodies = catalog.InTopDownOrder.Where(b => b.Level <= BodyLevel.Township).ToList();
        var root = RootPlan();
        LocalizationPolicy policy = new CompositePolicy([new WorkingDaysBeforeParent(5), new UnitsFromMapping([new UnitRule("*", ["政务公开办"])])]);

        Walk(bodies, root, (parent, _) => parent with { Items = [.. parent.Items] }); // warm-up
        var baseline = Time(() => Walk(bodies, root, (parent, _) => parent with { Items = [.. parent.Items] }));
        long changeCount = 0;
        var localize = Time(() => Walk(bodies, root, (parent, id) =>
        {
            var localization = policy.Apply(parent);
            changeCount += localization.Changes.Length;
            return PlanMaterializer.Materialize(parent, localization, id).ToPublishedPlan(1);
        }));

        var township = Walk(bodies.Take(4).ToList(), root, (parent, id) => PlanMaterializer.Materialize(parent, policy.Apply(parent), id).ToPublishedPlan(1));
        Console.WriteLine($"机构数：{bodies.Count:N0}（国务院至乡级）");
        Console.WriteLine($"基线（逐级复制上级事项）：{baseline.Wall.TotalSeconds:F2} 秒（CPU {baseline.Cpu.TotalSeconds:F2} 秒），{bodies.Count / baseline.Wall.TotalSeconds:N0} 个/秒");
        Console.WriteLine($"策略本地化并物化：{localize.Wall.TotalSeconds:F2} 秒（CPU {localize.Cpu.TotalSeconds:F2} 秒），{bodies.Count / localize.Wall.TotalSeconds:N0} 个/秒，为基线的 {localize.Wall / baseline.Wall:F1} 倍");
        Console.WriteLine($"平均每个机构生成修改：{(double)changeCount / bodies.Count:F1} 项");
        Console.WriteLine($"每个机构存储字节：整份计划 {Bytes(township)}，生成的修改 {Bytes(policy.Apply(root))}，策略 {Bytes(policy)}，照单全收 {Bytes(PlanLocalization.AdoptAsIs(root))}");
        Console.WriteLine($"峰值内存：{MemoryPeaks.Mb(MemoryPeaks.ProcessPeakBytes)}");
        return 0;
    }

    private static int Bytes<T>(T value) => System.Text.Encoding.UTF8.GetByteCount(LocalizationJson.Serialize(value));

    /// <summary>Wall time, and the CPU time the process spent (less disturbed by other load on a shared machine).</summary>
    private static (TimeSpan Wall, TimeSpan Cpu) Time(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        process.Refresh();
        return (watch.Elapsed, process.TotalProcessorTime - cpu);
    }

    /// <summary>Top-down: each body's plan from its parent's; returns the last plan made.</summary>
    private static PublishedPlan Walk(List<Body> bodies, PublishedPlan root, Func<PublishedPlan, string, PublishedPlan> localize)
    {
        var plans = new Dictionary<string, PublishedPlan>(bodies.Count) { [BodyId.Nation] = root };
        var last = root;
        foreach (var body in bodies)
        {
            if (body.ParentId is { } parentId && plans.TryGetValue(parentId, out var parent))
            {
                last = plans[body.Id] = localize(parent, body.Id);
            }
        }

        return last;
    }

    private static PublishedPlan RootPlan()
    {
        var items = new List<PlanItem>();
        for (var s = 1; s <= 5; s++)
        {
            items.Add(new PlanItem($"{s}", [$"{s}"], $"第{s}部分", "", [], [], s));
            for (var m = 1; m <= 5; m++)
            {
                var month = 6 + ((s + m) % 6);
                var due = new DateOnly(2022, month, DateTime.DaysInMonth(2022, month));
                items.Add(new PlanItem($"{s}.{m}", [$"{s}", $"{m}"], $"事项{s}.{m}", $"事项{s}.{m}的正文，{month}月底前完成。",
                    [new Deadline($"{month}月底前", DeadlineKind.By, due)], ["国务院办公厅"], s * 10 + m));
            }
        }

        return new PublishedPlan(BodyId.Nation, 2022, 1, "2022年政务公开工作要点", "国办发〔2022〕8号", new DateOnly(2022, 4, 11), [.. items]);
    }
}
