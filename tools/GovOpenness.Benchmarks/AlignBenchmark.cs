using System.Diagnostics;
using System.Globalization;
using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;
using GovOpenness.Tools;

namespace GovOpenness.Benchmarks;

/// <summary>
/// Aligns two ~20,000-character plans (the budget is 200 ms) and reports the time as a ratio against
/// parsing the same source documents in the same run, plus peak memory.
/// </summary>
/// <remarks>
/// The real seeds are 12–18k characters, so each side is assembled from several real plans (parent:
/// the two 山西省 plans; child: the county and the two department plans), cut at whole items once the
/// target length is reached: real wording, real numbering, a realistic share of unrelated items.
/// </remarks>
public sealed class AlignBenchmark : IBenchmark
{
    private const int Runs = 15;
    private const int WarmUpRuns = 40;

    public string Name => "align";

    public string Description => "比对两份约 2 万字的工作要点（预算 200 毫秒），对照同次运行中解析文档的耗时";

    public int Run(string[] args)
    {
        var target = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 20_000;
        var dir = FindDocuments();
        if (dir is null)
        {
            Console.Error.WriteLine("找不到 samples/documents，请在仓库内运行。");
            return 1;
        }

        // Parent: province plans first; child: county and department plans first. Each side cycles through
        // the seeds until it holds the target number of characters.
        var parentPlans = new[] { "001", "003", "004", "000", "002" }.Select(p => PlanParser.Parse(Read(dir, p))).ToList();
        var childPlans = new[] { "002", "000", "004", "001", "003" }.Select(p => PlanParser.Parse(Read(dir, p))).ToList();
        var parent = Combine(parentPlans, target);
        var child = Combine(childPlans, target);

        // Baseline: parsing the source text of both documents (the seeds they were built from).
        var texts = new[] { "001", "003", "004", "000", "002" }.Select(p => Read(dir, p)).ToList();
        var passes = (int)Math.Ceiling((Length(parent) + Length(child)) / (double)texts.Sum(t => PlanParser.Parse(t).Items.Sum(i => i.Text.Length)));
        var (parseWall, parseCpu) = Measure(() =>
        {
            for (var i = 0; i < passes; i++)
            {
                texts.ForEach(t => PlanParser.Parse(t));
            }
        });

        AlignmentResult? result = null;
        var (alignWall, alignCpu) = Measure(() => result = DocumentAligner.Align(parent, child));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"上级：{Length(parent):N0} 字，{parent.Items.Count} 个条目；下级：{Length(child):N0} 字，{child.Items.Count} 个条目"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"基准（解析同样篇幅的原文 {passes} 遍 × 5 份）：墙钟中位数 {parseWall:F1} ms，CPU {parseCpu:F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"比对：墙钟中位数 {alignWall:F1} ms，CPU {alignCpu:F1} ms；为基准的 {alignCpu / parseCpu:F2} 倍（CPU）"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"预算 200 ms：{(alignWall < 200 ? "达标" : "超出")}（机器负载高时墙钟偏大，以 CPU 时间为准：{(alignCpu < 200 ? "达标" : "超出")}）"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"结果：{result!.Pairs.Count} 对，覆盖率 {result.Coverage:F2}"));
        Console.WriteLine($"峰值内存：{MemoryPeaks.Mb(MemoryPeaks.ProcessPeakBytes)}");
        return 0;
    }

    /// <summary>
    /// Median wall time and median process CPU time of <see cref="Runs"/> runs after warm-up runs. The
    /// warm-up is long (up to <see cref="WarmUpRuns"/> runs or 10 seconds) because .NET first runs methods
    /// unoptimized and recompiles hot ones only after some 30 calls: a short warm-up measures the JIT.
    /// CPU time is reported too because the build machine is shared: under load the wall clock measures
    /// the neighbours.
    /// </summary>
    internal static (double Wall, double Cpu) Measure(Action action)
    {
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < WarmUpRuns && warmUp.Elapsed < TimeSpan.FromSeconds(10); i++)
        {
            action();
        }

        var wall = new List<double>(Runs);
        var cpu = new List<double>(Runs);
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < Runs; i++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            wall.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
        }

        wall.Sort();
        cpu.Sort();
        return (wall[Runs / 2], cpu[Runs / 2]);
    }

    /// <summary>One plan from the items of several, section by section, until the target length is reached.</summary>
    internal static PlanDocument Combine(IReadOnlyList<PlanDocument> plans, int target)
    {
        var items = new List<PlanItem>();
        var length = 0;
        for (var round = 0; length < target; round++)
        {
            var plan = plans[round % plans.Count];
            foreach (var item in plan.Items)
            {
                if (length >= target && item.Depth == 1)
                {
                    break;
                }

                items.Add(item with { Id = $"{round + 1}-{item.Id}" });
                length += item.Text.Length;
            }
        }

        return plans[0] with { Items = items };
    }

    internal static int Length(PlanDocument plan) => plan.Items.Sum(i => i.Text.Length);

    internal static string Read(string dir, string prefix) =>
        File.ReadAllText(Directory.GetFiles(dir, prefix + "_*.txt").Single());

    internal static string? FindDocuments()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "documents");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
