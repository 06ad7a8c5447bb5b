using System.Diagnostics;
using System.Globalization;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Simulation;
using GovOpenness.Tools;

namespace GovOpenness.Benchmarks;

/// <summary>
/// The in-process simulation over the whole country down to villages (≈665,000 bodies, the sample
/// scenario samples/scenarios/china-2022-villages.yaml). Baseline: one parallel pass over the same
/// bodies doing only the random draws the engine makes, so the ratio shows what the domain rules
/// (calendar, deadline rules, overrides) cost on top of generating the numbers.
/// Usage: simulate [--scenario FILE] [--iterations N]
/// </summary>
public sealed class SimulationBenchmark : IBenchmark
{
    public string Name => "simulate";

    public string Description => "全国至村（约66.5万个机构）的时限传导模拟：耗时、与仅随机抽样基线之比、峰值内存";

    public int Run(string[] args)
    {
        var iterations = 3;
        string? scenarioPath = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--iterations" && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                iterations = n;
            }
            else if (args[i] == "--scenario")
            {
                scenarioPath = args[i + 1];
            }
        }

        scenarioPath ??= FindSample("china-2022-villages.yaml");
        if (scenarioPath is null)
        {
            Console.Error.WriteLine("找不到 samples/scenarios/china-2022-villages.yaml：请在仓库内运行，或用 --scenario 指定");
            return 2;
        }

        Scenario scenario;
        try
        {
            scenario = ScenarioReader.ReadFile(scenarioPath);
        }
        catch (ScenarioException error)
        {
            Console.Error.WriteLine($"场景有误：{error.Message}");
            return 1;
        }

        var load = Stopwatch.StartNew();
        var catalog = DivisionCatalog.China;
        var calendar = WorkingDayCalendar.China;
        load.Stop();
        var build = Stopwatch.StartNew();
        var hierarchy = SimulationHierarchy.Build(catalog, scenario.RootId, scenario.Depth);
        build.Stop();

        // Warm-up (JIT, thread pool), then the median of N timed runs of each.
        RandomDrawsOnly(hierarchy, scenario);
        var warm = SimulationEngine.Run(scenario, hierarchy, calendar);
        SimulationSummarizer.Summarize(warm);
        var baseline = new List<double>();
        var engine = new List<double>();
        var summary = new List<double>();
        var single = new List<double>();
        SimulationRun? last = null;
        for (var i = 0; i < iterations; i++)
        {
            baseline.Add(Time(() => RandomDrawsOnly(hierarchy, scenario)));
            engine.Add(Time(() => last = SimulationEngine.Run(scenario, hierarchy, calendar)));
            summary.Add(Time(() => SimulationSummarizer.Summarize(last!)));
            single.Add(Time(() => SimulationEngine.Run(scenario, hierarchy, calendar, maxParallelism: 1)));
        }

        var identical = warm.Deadlines.AsSpan().SequenceEqual(last!.Deadlines) && warm.Issues.AsSpan().SequenceEqual(last.Issues);
        var (b, e, s, one) = (Median(baseline), Median(engine), Median(summary), Median(single));
        var total = build.Elapsed.TotalMilliseconds + e + s;
        Console.WriteLine($"场景：{scenario.Name}（{hierarchy.Count:N0} 个机构 × {scenario.Items.Count} 个事项，{Environment.ProcessorCount} 核）");
        Console.WriteLine($"载入区划与日历   {load.Elapsed.TotalMilliseconds,9:F0} ms（不计入）");
        Console.WriteLine($"构建层级（含合成村） {build.Elapsed.TotalMilliseconds,7:F0} ms");
        Console.WriteLine($"基线：仅随机抽样     {b,7:F0} ms  = 1.00");
        Console.WriteLine($"引擎：时限传导       {e,7:F0} ms  = {e / b:F2} × 基线");
        Console.WriteLine($"引擎（单线程）       {one,7:F0} ms  = {one / b:F2} × 基线；并行加速 {one / e:F2}×");
        Console.WriteLine($"汇总：各级统计与关键路径 {s,4:F0} ms  = {s / b:F2} × 基线");
        Console.WriteLine($"合计（层级+引擎+汇总） {total,6:F0} ms（目标 < 10,000 ms：{(total < 10_000 ? "达到" : "未达到")}）；每秒 {hierarchy.Count / (e / 1000):N0} 个机构");
        Console.WriteLine($"峰值内存             {MemoryPeaks.Mb(MemoryPeaks.ProcessPeakBytes)}（目标 < 4 GB：{(MemoryPeaks.ProcessPeakBytes < 4L << 30 ? "达到" : "未达到")}）");
        Console.WriteLine($"确定性：重复运行结果{(identical ? "完全相同" : "不同！")}（{iterations} 次取中位数）");
        return identical ? 0 : 1;
    }

    /// <summary>The engine's random draws and nothing else: same streams, same count, results kept so they are not optimized away.</summary>
    private static void RandomDrawsOnly(SimulationHierarchy hierarchy, Scenario scenario)
    {
        var items = scenario.Items.Count;
        var sink = new int[hierarchy.Count];
        Parallel.ForEach(hierarchy.Segments, segment =>
        {
            for (var body = segment.Start; body < segment.End; body++)
            {
                var behaviour = scenario.BehaviourOf(hierarchy.LevelOf(body));
                var code = hierarchy.Codes[body];
                var issue = new BodyRandom(scenario.Seed ^ 1, code);
                var completion = new BodyRandom(scenario.Seed ^ 3, code);
                var total = behaviour.IssueDelay.SampleDays(ref issue) + (issue.NextDouble() < behaviour.LateShare ? 1 : 0)
                    + behaviour.LateExtraDelay.SampleDays(ref issue);
                for (var k = 0; k < items; k++)
                {
                    total += behaviour.Deadline is WorkingDaysBeforeParent { Jitter: > 0 } w ? (int)(DeadlineDraw.Unit(scenario.Seed ^ 2, (ulong)code, (ulong)k) * w.Jitter) : 0;
                    total += behaviour.Completion.SampleDays(ref completion);
                }

                sink[body] = total;
            }
        });
        GC.KeepAlive(sink);
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string? FindSample(string file)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "scenarios", file);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
