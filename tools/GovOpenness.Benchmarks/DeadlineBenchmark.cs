using System.Diagnostics;
using System.Globalization;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Text;
using GovOpenness.Tools;

namespace GovOpenness.Benchmarks;

/// <summary>
/// Deadline extraction on the five seeds, whole and line by line. The baseline is
/// <see cref="ChineseText.Normalize"/> over the same text: the pass every extraction makes first, so
/// the ratio says what finding the phrases costs on top of reading the text once.
/// </summary>
public sealed class DeadlineBenchmark : IBenchmark
{
    public string Name => "deadlines";

    public string Description => "时限提取：五份样本文件的提取速度（以文本规范化为基准的倍数）";

    public int Run(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : FindSamples();
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine("找不到样本目录 samples/documents，请把目录作为参数传入。");
            return 2;
        }

        var documents = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var lines = documents.SelectMany(d => d.Split('\n')).ToArray();
        var chars = documents.Sum(d => d.Length);
        var bytes = documents.Sum(d => System.Text.Encoding.UTF8.GetByteCount(d));
        const int Rounds = 200;

        var baseline = Time(Rounds, () =>
        {
            foreach (var d in documents)
            {
                ChineseText.Normalize(d);
            }
        });
        var whole = Time(Rounds, () =>
        {
            foreach (var d in documents)
            {
                DeadlineExtractor.Extract(d, 2022, 1);
            }
        });
        var byLine = Time(Rounds, () =>
        {
            foreach (var l in lines)
            {
                DeadlineExtractor.Extract(l, 2022, 1);
            }
        });

        var found = documents.Sum(d => DeadlineExtractor.Extract(d, 2022, 1).Deadlines.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"样本：{documents.Length} 份，{chars:N0} 字符（{bytes / 1024.0:F0} KB UTF-8），{lines.Length:N0} 行，{found} 个时限（均按2022年度解析）"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"基准（规范化）：{baseline * 1000:F3} ms/轮"));
        Report("整篇提取", whole, baseline, documents.Length, bytes);
        Report("逐行提取", byLine, baseline, documents.Length, bytes);
        Console.WriteLine($"峰值内存：{MemoryPeaks.Mb(MemoryPeaks.ProcessPeakBytes)}");
        return 0;
    }

    private static void Report(string label, double seconds, double baseline, int documents, int bytes) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label}：{seconds * 1000:F3} ms/轮 = 基准的 {seconds / baseline:F1} 倍；{documents / seconds:F0} 份/秒，{bytes / seconds / (1024 * 1024):F1} MB/秒"));

    /// <summary>
    /// Seconds per round: a warm-up, then the best of twenty short batches. The best batch is the one
    /// least disturbed by other processes on a shared machine, which makes ratios comparable.
    /// </summary>
    private static double Time(int rounds, Action round)
    {
        const int Batches = 20;
        for (var i = 0; i < rounds / 4; i++)
        {
            round();
        }

        var best = double.MaxValue;
        for (var batch = 0; batch < Batches; batch++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < rounds / Batches; i++)
            {
                round();
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds / (rounds / Batches));
        }

        return best;
    }

    private static string? FindSamples()
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
