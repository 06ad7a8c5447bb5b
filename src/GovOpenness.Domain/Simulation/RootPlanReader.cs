using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;
using GovOpenness.Domain.Text;
using YamlDotNet.RepresentationModel;

namespace GovOpenness.Domain.Simulation;

/// <summary>
/// Reads a scenario's <c>rootPlan</c>: either inline (title, issueDate, items with deadlines) or a
/// path, relative to the scenario file, to a real document (.txt, read by <see cref="PlanParser"/>)
/// or to the same inline form as a JSON/YAML file.
/// </summary>
internal static class RootPlanReader
{
    public static (string? Title, DateOnly? IssueDate, IReadOnlyList<SimulatedItem> Items) Read(YamlNode node, string path, string baseDirectory)
    {
        if (node is not YamlScalarNode { Value: { } file })
        {
            return ReadInline(new YamlFields(node, path));
        }

        var full = Path.Combine(baseDirectory, file);
        if (!File.Exists(full))
        {
            throw new ScenarioException(path, $"要点文件“{file}”不存在（相对于场景文件所在目录）");
        }

        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, $"无法读取要点文件“{file}”：{e.Message}");
        }

        if (full.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return FromDocument(text, path);
        }

        if (full.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && text.Contains("\"deadlines\"", StringComparison.Ordinal))
        {
            return FromPlanJson(text, path, file);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ScenarioException(path, $"要点文件“{file}”第{e.Start.Line}行格式错误");
        }

        return stream.Documents.Count == 0
            ? throw new ScenarioException(path, $"要点文件“{file}”为空")
            : ReadInline(new YamlFields(stream.Documents[0].RootNode, $"{path}（{file}）"));
    }

    /// <summary>
    /// The dated items of a parsed plan: one simulated item per distinct due date of a plan item
    /// ("3.2" with 8月底 and 9月底 gives "3.2-1" and "3.2-2"); yearly deadlines already past when the
    /// plan was issued ("每年3月底前" in an April plan) fall due at next year's occurrence (<see cref="RecurringDeadlines"/>, the rule the grains follow).
    /// </summary>
    public static (string? Title, DateOnly? IssueDate, IReadOnlyList<SimulatedItem> Items) FromPlan(PlanDocument plan)
    {
        var items = new List<SimulatedItem>();
        foreach (var item in plan.Items)
        {
            var dated = item.Deadlines
                .Where(d => d.Kind is DeadlineKind.By or DeadlineKind.Recurring && d.Date is not null)
                .Select(d => (d.Text, Due: RecurringDeadlines.Resolve(d, plan.IssueDate).Date!.Value))
                .DistinctBy(d => d.Due)
                .OrderBy(d => d.Due)
                .ToList();
            for (var n = 0; n < dated.Count; n++)
            {
                var id = dated.Count == 1 ? item.Id : $"{item.Id}-{n + 1}";
                var heading = ChineseText.FoldWidth($"{item.Heading}（{dated[n].Text}，第{item.Line}行）");
                items.Add(new SimulatedItem(id, heading, dated[n].Due));
            }
        }

        return (plan.Title is null ? null : ChineseText.FoldWidth(plan.Title), plan.IssueDate, items);
    }

    /// <summary>A plan as <c>govctl parse --json</c> writes it (see <see cref="PlanJson"/>).</summary>
    private static (string?, DateOnly?, IReadOnlyList<SimulatedItem>) FromPlanJson(string text, string path, string file)
    {
        PlanDocument plan;
        try
        {
            plan = PlanJson.Deserialize(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ScenarioException(path, $"要点文件“{file}”不是有效的要点 JSON：{e.Message}");
        }

        var result = FromPlan(plan);
        return result.Items.Count == 0 ? throw new ScenarioException(path, $"要点文件“{file}”中没有带日期时限的事项，无从模拟") : result;
    }

    private static (string?, DateOnly?, IReadOnlyList<SimulatedItem>) FromDocument(string text, string path)
    {
        PlanDocument plan;
        try
        {
            plan = PlanParser.Parse(text);
        }
        catch (NotImplementedException)
        {
            throw new ScenarioException(path, "文档解析器尚未就绪：请改用内联要点（items）或 JSON 要点文件");
        }
        catch (PlanParseException e)
        {
            throw new ScenarioException(path, $"要点文档无法解析（第{e.Line}行）：{e.Message}");
        }

        var result = FromPlan(plan);
        return result.Items.Count == 0 ? throw new ScenarioException(path, "要点文档中没有带日期时限的事项，无从模拟") : result;
    }

    private static (string?, DateOnly?, IReadOnlyList<SimulatedItem>) ReadInline(YamlFields f)
    {
        var title = f.String("title");
        var issued = f.Date("issueDate");
        var nodes = f.Sequence("items");
        if (nodes.Count == 0)
        {
            throw new ScenarioException(f.Child("items"), "至少需要一条带时限（deadline）的事项");
        }

        var items = new List<SimulatedItem>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            var item = new YamlFields(nodes[i], $"{f.Child("items")}[{i}]");
            var id = item.String("id") ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var deadline = item.Date("deadline") ?? throw new ScenarioException(item.Child("deadline"), "缺少此项");
            items.Add(new SimulatedItem(id, item.String("heading") ?? id, deadline));
            item.RejectUnknown();
        }

        var duplicate = items.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ScenarioException(f.Child("items"), $"事项编号“{duplicate.Key}”重复");
        }

        f.RejectUnknown();
        return (title, issued, items);
    }
}
