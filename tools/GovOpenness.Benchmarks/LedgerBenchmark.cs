using System.Diagnostics;
using System.Text;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;
using GovOpenness.Tools;
using MiniExcelLibs;

namespace GovOpenness.Benchmarks;

/// <summary>
/// The supervisor's desk over 山西省's real subtree (1,486 bodies down to townships) × 28 items with
/// random progress: a filter (not acknowledged item 2.1, sorted by overdue days) against a raw loop
/// that only counts those bodies; the 台账 as CSV and as .xlsx (MiniExcel) against writing the same
/// cells raw (comma-joined, no quoting, no row objects). All in memory: what the server adds on top
/// is the grain reads, measured by the cascade and progress benchmarks.
/// </summary>
public sealed class LedgerBenchmark : IBenchmark
{
    private const int Items = 28;
    private static readonly DateOnly Today = new(2022, 10, 10);

    public string Name => "ledger";

    public string Description => "台账与筛选：山西省1,486个机构×28项，筛选与导出（CSV、xlsx）对比原始写出";

    public int Run(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 5;
        var calendar = WorkingDayCalendar.China;
        var sheets = Sheets("14");
        Console.WriteLine($"机构 {sheets.Count:N0} 个 × {Items} 项 = {sheets.Count * Items:N0} 行；每项取 {rounds} 轮中最快一轮");

        var filter = new SubtreeFilter(Step: DeskStep.Pending, ItemId: "2.1");
        var filtered = Best(rounds, () => SubtreePage.Of(sheets.Select((s, i) => BodyStanding.Of(s, Today, calendar, "2.1", i)), filter, SubtreeSort.OverdueDays, true, 0, 50).Total);
        var counted = Best(rounds, () => sheets.Count(s => s.Progress.ProgressOf("2.1").Status == ItemStatus.Pending));
        Console.WriteLine($"筛选（未签收 2.1，按逾期天数排序）：{filtered.Ms:F1} ms，匹配 {filtered.Result:N0} 个；原始计数 {counted.Ms:F2} ms（{filtered.Ms / counted.Ms:F0} 倍）");

        var raw = Best(rounds, () => WriteRaw(sheets));
        var csv = Best(rounds, () => WriteCsv(sheets, calendar));
        var xlsx = Best(rounds, () => WriteXlsx(sheets, calendar));
        Console.WriteLine($"原始写出（基线）：{raw.Ms:F0} ms，{raw.Result / 1024:N0} KB");
        Console.WriteLine($"台账 CSV：{csv.Ms:F0} ms，{csv.Result / 1024:N0} KB（基线的 {csv.Ms / raw.Ms:F1} 倍）");
        Console.WriteLine($"台账 xlsx：{xlsx.Ms:F0} ms，{xlsx.Result / 1024:N0} KB（基线的 {xlsx.Ms / raw.Ms:F1} 倍）");
        Console.WriteLine($"峰值内存 {MemoryPeaks.Mb(MemoryPeaks.ProcessPeakBytes)}");
        return 0;
    }

    /// <summary>The real subtree with 28 dated items per body and progress drawn with a fixed seed.</summary>
    private static List<BodySheet> Sheets(string rootId)
    {
        var catalog = DivisionCatalog.China;
        var random = new Random(20221010);
        var items = Enumerable.Range(0, Items).Select(k => new LedgerItem($"{(k / 7) + 1}.{(k % 7) + 1}", $"第{k + 1}项重点任务：做好某领域信息公开", $"{(k % 12) + 1}月底前", ["市政府办公室", "各县（市、区）人民政府"])).ToList();
        var targets = items.Select((it, k) => new ItemTarget(it.ItemId, new DateOnly(2022, (k % 12) + 1, 1).AddMonths(1).AddDays(-1))).ToList();
        var sheets = new List<BodySheet>();
        void Visit(string id, List<Body> above)
        {
            var body = catalog.Find(id)!;
            List<Body> path = [.. above, body];
            var progress = new BodyProgress(id, 2022, body.ParentId).WithTargets(targets);
            foreach (var target in targets)
            {
                var roll = random.Next(4);
                if (roll >= 1)
                {
                    progress = progress.Apply(new ProgressUpdate(2022, target.ItemId, ProgressStep.Acknowledged, null, null, [], null), new DateOnly(2022, 5, 1)).Body;
                }

                if (roll >= 2)
                {
                    progress = progress.Apply(new ProgressUpdate(2022, target.ItemId, ProgressStep.InProgress, random.Next(100), "正在办理，已完成资料收集", [], null), new DateOnly(2022, 6, 1)).Body;
                }

                if (roll >= 3)
                {
                    progress = progress.Apply(new ProgressUpdate(2022, target.ItemId, ProgressStep.Reported, null, "已在政府网站专栏公开", ["https://www.example.gov.cn/zwgk/" + id], null), new DateOnly(2022, 7, 1)).Body;
                }
            }

            sheets.Add(new BodySheet(body, path, progress, items));
            foreach (var child in catalog.ChildrenOf(id))
            {
                Visit(child, path);
            }
        }

        Visit(rootId, [.. catalog.AncestorsOf(rootId).Reverse()]);
        return sheets;
    }

    private static long WriteRaw(List<BodySheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, Encoding.UTF8, 65536, leaveOpen: true))
        {
            foreach (var sheet in sheets)
            {
                foreach (var target in sheet.Progress.Targets)
                {
                    var p = sheet.Progress.ProgressOf(target.ItemId);
                    writer.Write(sheet.Body.Id);
                    writer.Write(',');
                    writer.Write(sheet.Body.Name);
                    writer.Write(',');
                    writer.Write(target.ItemId);
                    writer.Write(',');
                    writer.Write((int)p.Status);
                    writer.Write(',');
                    writer.Write(p.Percent ?? 0);
                    writer.Write(',');
                    writer.Write(p.Note);
                    writer.Write("\r\n");
                }
            }
        }

        return stream.Length;
    }

    private static long WriteCsv(List<BodySheet> sheets, WorkingDayCalendar calendar)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, LedgerCsv.Encoding, 65536, leaveOpen: true))
        {
            LedgerCsv.WriteRow(writer, LedgerRow.Headers);
            foreach (var row in sheets.SelectMany(s => LedgerRow.Of(s, Today, calendar)))
            {
                LedgerCsv.WriteRow(writer, row.Cells());
            }
        }

        return stream.Length;
    }

    private static long WriteXlsx(List<BodySheet> sheets, WorkingDayCalendar calendar)
    {
        using var stream = new MemoryStream();
        var headers = LedgerRow.Headers;
        var rows = sheets.SelectMany(s => LedgerRow.Of(s, Today, calendar)).Select(row =>
        {
            var cells = row.Cells();
            var dictionary = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++)
            {
                dictionary[headers[i]] = cells[i];
            }

            return (IDictionary<string, object?>)dictionary;
        });
        stream.SaveAs(rows, sheetName: "台账", excelType: ExcelType.XLSX);
        return stream.Length;
    }

    private static (double Ms, long Result) Best(int rounds, Func<long> work)
    {
        var best = double.MaxValue;
        long result = 0;
        for (var i = 0; i < rounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            result = work();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return (best, result);
    }
}
