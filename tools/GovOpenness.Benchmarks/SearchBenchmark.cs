using System.Diagnostics;
using GovOpenness.Domain.Hierarchy.Search;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Text;
using GovOpenness.Tools;

namespace GovOpenness.Benchmarks;

/// <summary>
/// The search box over 44,695 bodies: every prefix of typed queries (孝 → 孝义, x → xy → xys, 1 → … →
/// 141181, …) is one search, as a keystroke would ask; p50/p99 per keystroke against a same-run baseline
/// that scans every name, code and reading for each keystroke and sorts the matches the same way. Also
/// as the server answers a signed-in 山西省 account: only its subtree and ancestors (each candidate's
/// parents walked through the catalog, as <c>SearchApi</c> does).
/// </summary>
public sealed class SearchBenchmark : IBenchmark
{
    private static readonly string[] Typed = ["孝义市", "xys", "141181", "山西省", "吕梁", "sxs", "lls", "呂梁市", "太原市", "tys", "1401", "新义街道", "bjs", "朝阳区", "cyq", "500101247", "长治", "czs", "街道", "zhen"];

    public string Name => "search";

    public string Description => "机构查找：约4.5万个机构，逐键查询的p99，与逐条扫描全部名称、代码和拼音的对比";

    public int Run(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 50;
        var index = BodySearchIndex.China;
        var bodies = DivisionCatalog.China.InTopDownOrder;
        var names = bodies.Select(b => ChineseText.Normalize(b.Name)).ToArray();
        var readings = bodies.Select(b => PinyinInitials.Of(b.Id)).ToArray();
        var keystrokes = Typed.SelectMany(q => Enumerable.Range(1, q.Length).Select(n => q[..n])).ToArray();
        Console.WriteLine($"机构 {index.Count:N0} 个；每轮 {keystrokes.Length} 次按键，共 {rounds} 轮");

        // Warm both paths (JIT, caches) before timing.
        foreach (var k in keystrokes)
        {
            index.Search(k, 20, "14");
            Scan(k, bodies, names, readings);
        }

        var indexed = Time(keystrokes, rounds, k => index.Search(k, 20, "14").Count);
        var scanned = Time(keystrokes, rounds, k => Scan(k, bodies, names, readings));
        Func<Body, bool> shanxi = body =>
        {
            for (var current = body; current is not null; current = current.ParentId is { } parent ? DivisionCatalog.China.Find(parent) : null)
            {
                if (current.Id == "14")
                {
                    return true;
                }
            }

            return body.Id == BodyId.Nation;
        };
        var scoped = Time(keystrokes, rounds, k => index.Search(k, 20, "14", shanxi).Count);
        Console.WriteLine($"索引查找：p50 {indexed.P50:F3} ms，p99 {indexed.P99:F3} ms，最慢 {indexed.Max:F3} ms");
        Console.WriteLine($"索引查找（山西省账号，仅本级、下级和上级）：p50 {scoped.P50:F3} ms，p99 {scoped.P99:F3} ms，最慢 {scoped.Max:F3} ms");
        Console.WriteLine($"逐条扫描（基线）：p50 {scanned.P50:F3} ms，p99 {scanned.P99:F3} ms");
        Console.WriteLine($"p99 为基线的 {indexed.P99 / scanned.P99:F2} 倍（账号范围内 {scoped.P99 / scanned.P99:F2} 倍）；p50 为基线的 {indexed.P50 / scanned.P50:F3} 倍（账号范围内 {scoped.P50 / scanned.P50:F3} 倍）；峰值内存 {MemoryPeaks.Mb(MemoryPeaks.ProcessPeakBytes)}");
        return 0;
    }

    /// <summary>The baseline: every body checked against the query, matches ranked the same way.</summary>
    private static int Scan(string query, IReadOnlyList<Body> bodies, string[] names, IReadOnlyList<string>[] readings)
    {
        var q = query.ToLowerInvariant();
        var hits = new List<(int Tier, int Level, string Id)>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var b = bodies[i];
            var tier = b.Id.StartsWith(q, StringComparison.Ordinal) ? (b.Id.Length == q.Length ? 0 : 1)
                : names[i].StartsWith(q, StringComparison.Ordinal) ? (names[i].Length == q.Length ? 0 : 1)
                : names[i].Contains(q, StringComparison.Ordinal) ? 2
                : readings[i].Any(x => x.StartsWith(q, StringComparison.Ordinal)) ? 1
                : -1;
            if (tier >= 0)
            {
                hits.Add((tier, (int)b.Level, b.Id));
            }
        }

        return hits.OrderBy(h => h.Tier).ThenBy(h => h.Level).ThenBy(h => h.Id, StringComparer.Ordinal).Take(20).Count();
    }

    private static (double P50, double P99, double Max) Time(string[] keystrokes, int rounds, Func<string, int> search)
    {
        var samples = new List<double>(keystrokes.Length * rounds);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var k in keystrokes)
            {
                var start = Stopwatch.GetTimestamp();
                search(k);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)(samples.Count * 0.99)], samples[^1]);
    }
}
