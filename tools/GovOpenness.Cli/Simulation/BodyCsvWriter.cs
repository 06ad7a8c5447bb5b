using System.Globalization;
using System.Text;
using GovOpenness.Domain.Simulation;

namespace GovOpenness.Cli.Simulation;

/// <summary>
/// One CSV row per simulated body (665,000 rows for the whole country down to villages), streamed:
/// receipt and issue dates, the tightest item, its deadline and working days left, and on-time items.
/// Written with a BOM so Excel opens the Chinese names correctly.
/// </summary>
internal static class BodyCsvWriter
{
    public static void Write(SimulationRun run, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.WriteLine("机构编码,名称,层级,上级编码,收到日期,印发日期,迟发,最紧事项,有效时限,剩余工作日,已过时限,时间不足,按时完成事项数,事项数");
        var h = run.Hierarchy;
        var line = new StringBuilder(160);
        for (var body = 0; body < h.Count; body++)
        {
            var item = run.TightestItem(body);
            var onTime = 0;
            for (var k = 0; k < run.ItemCount; k++)
            {
                onTime += run.OnTime(body, k) ? 1 : 0;
            }

            line.Clear()
                .Append(h.IdOf(body)).Append(',')
                .Append(Escape(h.NameOf(body))).Append(',')
                .Append(LevelNames.Of(h.LevelOf(body))).Append(',')
                .Append(h.Parents[body] >= 0 ? h.IdOf(h.Parents[body]) : "").Append(',')
                .Append(Date(run.ReceiptOf(body))).Append(',')
                .Append(Date(run.IssueOf(body))).Append(',')
                .Append(run.Late[body] ? "是" : "否").Append(',')
                .Append(Escape(run.Scenario.Items[item].Id)).Append(',')
                .Append(Date(run.DeadlineOf(body, item))).Append(',')
                .Append(run.DaysLeft(body, item).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(run.Passed(body, item) ? "是" : "否").Append(',')
                .Append(run.IsInfeasible(body) ? "是" : "否").Append(',')
                .Append(onTime.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(run.ItemCount.ToString(CultureInfo.InvariantCulture));
            writer.WriteLine(line);
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
