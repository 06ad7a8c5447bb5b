using System.Diagnostics;
using System.Globalization;
using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;
using GovOpenness.Tools;

namespace GovOpenness.Benchmarks;

/// <summary>
/// How the aligner's cost grows with document size (issue 16: no worse than n·log n; a 2 MB pair must not
/// take minutes). Each side doubles from about 20,000 characters up to a limit (default 680,000 characters,
/// about 2 MB of UTF-8 per document), assembled from the real plans as <see cref="AlignBenchmark"/> does.
/// </summary>
/// <remarks>
/// At each size the align CPU time is set against parsing the same amount of source text in the same run
/// (a linear pass): if align ÷ parse stays flat or grows like log n as the documents double, the aligner is
/// n·log n; if it doubles with each doubling, it is quadratic. Sizes stop early once one alignment takes
/// longer than the time limit (default 120 s), so the old quadratic aligner's run still ends.
/// </remarks>
public sealed class AlignScaleBenchmark : IBenchmark
{
    public string Name => "align-scale";

    public string Description => "比对耗时随篇幅增长的情况（每份约 2 万字起倍增至约 68 万字，即约 2 MB），对照同次运行中解析同样篇幅原文的耗时";

    public int Run(string[] args)
    {
        var limit = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var l) ? l : 680_000;
        var budget = TimeSpan.FromSeconds(args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var b) ? b : 120);
        var dir = AlignBenchmark.FindDocuments();
        if (dir is null)
        {
            Console.Error.WriteLine("找不到 samples/documents，请在仓库内运行。");
            return 1;
        }

        var order = new[] { "001", "003", "004", "000", "002" };
        var texts = order.ToDictionary(p => p, p => AlignBenchmark.Read(dir, p));
        var parentPlans = order.Select(p => PlanParser.Parse(texts[p])).ToList();
        var childPlans = new[] { "002", "000", "004", "001", "003" }.Select(p => PlanParser.Parse(texts[p])).ToList();
        var seedCharacters = parentPlans.Sum(AlignBenchmark.Length);

        // Warm-up: .NET optimizes hot methods only after some 30 calls; without this the small sizes
        // (measured first) would time the JIT and the baseline would shrink as the documents grow.
        var warmParent = AlignBenchmark.Combine(parentPlans, 21_250);
        var warmChild = AlignBenchmark.Combine(childPlans, 21_250);
        for (var i = 0; i < 40; i++)
        {
            foreach (var text in texts.Values)
            {
                PlanParser.Parse(text);
            }

            DocumentAligner.Align(warmParent, warmChild);
        }

        Console.WriteLine("每份字数 | 条目（上级/下级） | 比对 CPU | 解析同样篇幅 CPU | 比对÷解析 | 比对时间为首档的倍数 | n·log n 为首档的倍数 | 配对数");
        double? firstAlign = null;
        double firstNLogN = 0;
        for (var target = 21_250; target <= limit; target *= 2)
        {
            var parent = AlignBenchmark.Combine(parentPlans, target);
            var child = AlignBenchmark.Combine(childPlans, target);
            var characters = AlignBenchmark.Length(parent) + AlignBenchmark.Length(child);
            var passes = Math.Max(1, (int)Math.Round(characters / (double)seedCharacters));
            var runs = target <= 100_000 ? 5 : 1;

            var parse = MedianCpu(runs, () =>
            {
                for (var i = 0; i < passes; i++)
                {
                    foreach (var text in texts.Values)
                    {
                        PlanParser.Parse(text);
                    }
                }
            });

            AlignmentResult? result = null;
            var wall = Stopwatch.StartNew();
            var align = MedianCpu(runs, () => result = DocumentAligner.Align(parent, child));
            var n = (double)characters;
            var nLogN = n * Math.Log(n);
            firstAlign ??= align;
            if (firstNLogN == 0)
            {
                firstNLogN = nLogN;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{characters / 2,9:N0} | {parent.Items.Count,5:N0}/{child.Items.Count,-5:N0} | {align,9:N0} ms | {parse,7:N0} ms | {align / parse,7:F2} | {align / firstAlign.Value,7:F2}× | {nLogN / firstNLogN,7:F2}× | {result!.Pairs.Count:N0}"));
            if (wall.Elapsed / runs > budget)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"一次比对超过 {budget.TotalSeconds:F0} 秒，不再加大篇幅"));
                break;
            }
        }

        Console.WriteLine($"峰值内存：{MemoryPeaks.Mb(MemoryPeaks.ProcessPeakBytes)}");
        return 0;
    }

    /// <summary>Median process CPU time of the runs; several runs (small sizes) start with an unmeasured one (JIT).</summary>
    private static double MedianCpu(int runs, Action action)
    {
        if (runs > 1)
        {
            action();
        }

        using var process = Process.GetCurrentProcess();
        var cpu = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            action();
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - start).TotalMilliseconds);
        }

        cpu.Sort();
        return cpu[runs / 2];
    }
}
