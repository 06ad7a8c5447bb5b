using System.Globalization;
using System.Net;
using System.Text;
using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Plans;

// Not "GovOpenness.Cli.Alignment": that name would hide ScottPlot's Alignment enum in the rest of the tool.
namespace GovOpenness.Cli.AlignmentViews;

/// <summary>
/// A self-contained HTML report in Chinese: parent and child side by side, one row per pair, doubtful
/// matches highlighted, then dropped and added items. No scripts, no external files: it is mailed around.
/// </summary>
internal static class AlignmentHtml
{
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
        h1{font-size:20px}h2{font-size:17px;margin-top:28px}
        table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:6px 8px;vertical-align:top;font-size:14px}
        th{background:#f0f2f5}.id{color:#666;font-size:12px}.text{color:#444;font-size:13px;margin-top:4px}
        .doubtful{background:#fff6d6}.loosened{background:#fde2e2}.tag{display:inline-block;border-radius:3px;padding:0 4px;margin:1px;font-size:12px;background:#e8eef8}
        .tag.main{background:#2f5fb3;color:#fff}.tag.bad{background:#c62828;color:#fff}.summary td{border:none;padding:2px 12px 2px 0}
        """;

    public static string Render(AlignmentResult result, string parentName, string childName)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>工作要点比对报告</title><style>")
            .Append(Style).Append("</style></head><body>");
        html.Append("<h1>工作要点比对报告</h1><table class=\"summary\">");
        Row(html, "上级", result.Parent.Title ?? parentName);
        Row(html, "下级", result.Child.Title ?? childName);
        Row(html, "覆盖率", string.Create(CultureInfo.InvariantCulture, $"{result.Coverage * 100:0}%（上级 {result.ParentLeafCount} 条中落实 {result.ParentLeafCount - result.Dropped.Count} 条）"));
        var e = result.Escalation;
        Row(html, "层层加码指数", string.Create(CultureInfo.InvariantCulture,
            $"{e.Value:0.0}/100（期限提前 {e.TightenedPairs}/{e.MatchedPairs} 条，平均提前 {e.MeanWorkingDaysEarlier:0.#} 个工作日；新增条目 {e.AddedItems} 条；增列责任单位 {e.PairsWithAddedUnits} 条；期限推后 {e.LoosenedPairs} 条）"));
        Row(html, "平均置信度", result.MeanConfidence.ToString("0.00", CultureInfo.InvariantCulture) + "（黄色底色为待人工核对的对应）");
        html.Append("</table>");

        html.Append("<h2>逐条对照</h2><table><tr><th style=\"width:38%\">上级条目</th><th style=\"width:38%\">下级条目</th><th>变化与期限</th><th>置信度</th></tr>");
        foreach (var pair in result.Pairs)
        {
            var css = pair.Flags.Contains(AlignmentChange.DeadlineLoosened) ? "loosened" : pair.IsDoubtful() ? "doubtful" : string.Empty;
            html.Append("<tr class=\"").Append(css).Append("\"><td>");
            foreach (var parent in pair.Parents)
            {
                Item(html, parent);
            }

            html.Append("</td><td>");
            Item(html, pair.Child);
            html.Append("</td><td>");
            foreach (var flag in pair.Flags)
            {
                var cls = flag == AlignmentChange.DeadlineLoosened ? "tag bad" : flag == pair.Change ? "tag main" : "tag";
                html.Append("<span class=\"").Append(cls).Append("\">").Append(Encode(ChangeNames.Label(flag))).Append("</span>");
            }

            foreach (var shift in pair.DeadlineShifts)
            {
                html.Append("<div>").Append(Encode(ShiftText.Describe(shift))).Append("</div>");
            }

            html.Append("</td><td>").Append(pair.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
            if (pair.IsDoubtful())
            {
                html.Append("<br>待核");
            }

            html.Append("</td></tr>");
        }

        html.Append("</table>");
        Section(html, "上级条目未见落实（可能打折扣）", result.Dropped);
        Section(html, "下级新增条目", result.Added);
        Tier(html, "部分（一、）", result.Sections, result.SectionsDropped, result.SectionsAdded);
        if (result.Subsections.Count + result.SubsectionsDropped.Count + result.SubsectionsAdded.Count > 0)
        {
            Tier(html, "分部分（（一）下设条目）", result.Subsections, result.SubsectionsDropped, result.SubsectionsAdded);
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><td><b>").Append(Encode(label)).Append("</b></td><td>").Append(Encode(value)).Append("</td></tr>");

    private static void Item(StringBuilder html, PlanItem item)
    {
        html.Append("<div><span class=\"id\">").Append(Encode(item.Id)).Append("</span> <b>").Append(Encode(item.Heading.Trim())).Append("</b>")
            .Append("<div class=\"text\">").Append(Encode(item.Text)).Append("</div></div>");
    }

    /// <summary>A grouping tier: its pairs by heading, then what the parent has and the child lacks, and the reverse.</summary>
    private static void Tier(StringBuilder html, string name, IReadOnlyList<AlignedPair> pairs, IReadOnlyList<PlanItem> dropped, IReadOnlyList<PlanItem> added)
    {
        html.Append("<h2>").Append(Encode(name)).Append("对应（").Append(pairs.Count).Append(" 对）</h2><table>");
        foreach (var pair in pairs)
        {
            html.Append("<tr><td>").Append(Encode(string.Join("；", pair.Parents.Select(p => $"{p.Id} {p.Heading.Trim()}"))))
                .Append("</td><td>").Append(Encode($"{pair.Child.Id} {pair.Child.Heading.Trim()}"))
                .Append("</td><td>").Append(pair.Confidence.ToString("0.00", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        html.Append("</table>");
        Section(html, name + "上级有、下级无", dropped);
        Section(html, name + "下级新增", added);
    }

    private static void Section(StringBuilder html, string title, IReadOnlyList<PlanItem> items)
    {
        html.Append("<h2>").Append(Encode(title)).Append("（").Append(items.Count).Append(" 条）</h2><table>");
        foreach (var item in items)
        {
            html.Append("<tr><td>");
            Item(html, item);
            html.Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
