using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Text;
using GovOpenness.Tools;

namespace GovOpenness.Benchmarks;

/// <summary>
/// Parse throughput on the five seed documents (documents/s and MB/s of UTF-8 text), against a baseline
/// measured in the same run: a plain pass that splits the same text into lines and folds their width,
/// the least any parser of these documents must do. Usage: <c>parse [--seconds N] [--dir DIR]</c>.
/// </summary>
public sealed class ParseBenchmark : IBenchmark
{
    public string Name => "parse";

    public string Description => "解析吞吐量（份/秒、MB/秒），以“分行＋全角折叠”为基线";

    public int Run(string[] args)
    {
        var seconds = 3.0;
        string? dir = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--seconds" when double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0:
                    seconds = s;
                    break;
                case "--dir":
                    dir = args[i + 1];
                    break;
                default:
                    Console.Error.WriteLine($"无法识别的参数：{args[i]}。用法：parse [--seconds N] [--dir 目录]");
                    return 2;
            }
        }

        dir ??= FindSeeds();
        if (dir is null || !Directory.Exists(dir))
        {
            Console.Error.WriteLine("找不到样本文档目录 samples/documents；请用 --dir 指定。");
            return 2;
        }

        var documents = Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var bytes = documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d));
        Console.WriteLine($"样本：{documents.Length} 份，共 {bytes / 1024.0:F1} KB（{dir}）");

        // Warm up both paths (JIT, regex construction, the embedded tables) before timing.
        Measure(documents, ParseAll, 0.5);
        Measure(documents, Baseline, 0.5);

        var baseline = Measure(documents, Baseline, seconds);
        var parse = Measure(documents, ParseAll, seconds);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        ParseAll(documents);
        var allocatedPerDocument = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / documents.Length;

        Report("基线（分行＋全角折叠）", baseline, documents.Length, bytes);
        Report("解析（PlanParser.Parse）", parse, documents.Length, bytes);
        Console.WriteLine($"比值：解析耗时是基线的 {parse.PerRound / baseline.PerRound:F1} 倍");
        Console.WriteLine($"每份文档分配内存：{allocatedPerDocument / 1024.0:F0} KB");
        Console.WriteLine($"峰值内存：{MemoryPeaks.Mb(MemoryPeaks.ProcessPeakBytes)}");
        return 0;
    }

    private static int ParseAll(string[] documents)
    {
        var items = 0;
        foreach (var d in documents)
        {
            items += PlanParser.Parse(d).Items.Count;
        }

        return items;
    }

    private static int Baseline(string[] documents)
    {
        var total = 0;
        foreach (var d in documents)
        {
            foreach (var line in d.Split('\n'))
            {
                total += ChineseText.FoldWidth(line.Trim()).Length;
            }
        }

        return total;
    }

    private static (double PerRound, int Rounds) Measure(string[] documents, Func<string[], int> work, double seconds)
    {
        var sink = 0;
        var rounds = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            sink += work(documents);
            rounds++;
        }

        watch.Stop();
        GC.KeepAlive(sink);
        return (watch.Elapsed.TotalSeconds / rounds, rounds);
    }

    private static void Report(string label, (double PerRound, int Rounds) result, int documents, long bytes)
    {
        var docsPerSecond = documents / result.PerRound;
        var megabytesPerSecond = bytes / result.PerRound / (1024 * 1024);
        Console.WriteLine($"{label}：{docsPerSecond:F0} 份/秒，{megabytesPerSecond:F2} MB/秒（{result.Rounds} 轮）");
    }

    private static string? FindSeeds()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "documents");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
