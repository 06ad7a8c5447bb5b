using System.Globalization;
using GovOpenness.Domain.Alignment;
using Spectre.Console;

// Not "GovOpenness.Cli.Alignment": that name would hide ScottPlot's Alignment enum in the rest of the tool.
namespace GovOpenness.Cli.AlignmentViews;

/// <summary>The readable Chinese console report: one row per child item, then what was dropped and added.</summary>
internal static class AlignmentTable
{
    public static void Write(AlignmentResult result, string parentName, string childName)
    {
        var console = AnsiConsole.Console;
        console.MarkupLine($"[bold]上级：[/]{Markup.Escape(result.Parent.Title ?? parentName)}    [bold]下级：[/]{Markup.Escape(result.Child.Title ?? childName)}");

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("下级条目");
        table.AddColumn("对应上级条目");
        table.AddColumn("变化");
        table.AddColumn("期限（上级 → 下级）");
        table.AddColumn(new TableColumn("置信度").RightAligned());
        foreach (var pair in result.Pairs)
        {
            var doubtful = pair.IsDoubtful();
            var confidence = pair.Confidence.ToString("0.00", CultureInfo.InvariantCulture);
            table.AddRow(
                Markup.Escape($"{pair.Child.Id} {pair.Child.Heading.Trim()}"),
                Markup.Escape(string.Join("\n", pair.Parents.Select(p => $"{p.Id} {p.Heading.Trim()}"))),
                ChangeMarkup(pair),
                Markup.Escape(ShiftText.DescribeAll(pair.DeadlineShifts, withDates: false)),
                doubtful ? $"[yellow]{confidence} 待核[/]" : confidence);
        }

        console.Write(table);
        WriteList(console, "上级条目未见落实（可能打折扣）", result.Dropped.Select(i => $"{i.Id} {i.Heading.Trim()}"));
        WriteList(console, "下级新增条目", result.Added.Select(i => $"{i.Id} {i.Heading.Trim()}"));
        WriteTier(console, "部分（一、）", result.Sections, result.SectionsDropped, result.SectionsAdded);
        if (result.Subsections.Count + result.SubsectionsDropped.Count + result.SubsectionsAdded.Count > 0)
        {
            WriteTier(console, "分部分（（一）下设条目）", result.Subsections, result.SubsectionsDropped, result.SubsectionsAdded);
        }

        var e = result.Escalation;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]覆盖率[/] {result.Coverage * 100:0}%（上级 {result.ParentLeafCount} 条中落实 {result.ParentLeafCount - result.Dropped.Count} 条）    [bold]平均置信度[/] {result.MeanConfidence:0.00}"));
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]层层加码指数[/] {e.Value:0.0}/100：期限提前 {e.TightenedPairs}/{e.MatchedPairs} 条，平均提前 {e.MeanWorkingDaysEarlier:0.#} 个工作日，新增条目 {e.AddedItems} 条，增列责任单位 {e.PairsWithAddedUnits} 条"));
        if (e.LoosenedPairs > 0)
        {
            console.MarkupLine($"[red bold]期限推后（违规）{e.LoosenedPairs} 条[/]");
        }
    }

    private static string ChangeMarkup(AlignedPair pair)
    {
        var labels = pair.Flags.Select(f => f == AlignmentChange.DeadlineLoosened
            ? $"[red]{Markup.Escape(ChangeNames.Label(f))}[/]"
            : f == pair.Change ? $"[bold]{Markup.Escape(ChangeNames.Label(f))}[/]" : Markup.Escape(ChangeNames.Label(f)));
        return string.Join("、", labels);
    }

    /// <summary>A grouping tier (sections, sub-sections): its pairs one a line, then what it drops and adds.</summary>
    private static void WriteTier(IAnsiConsole console, string name, IReadOnlyList<AlignedPair> pairs, IReadOnlyList<Domain.Plans.PlanItem> dropped, IReadOnlyList<Domain.Plans.PlanItem> added)
    {
        WriteList(console, $"{name}对应", pairs.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{p.Child.Id} {p.Child.Heading.Trim()} ← {string.Join("；", p.Parents.Select(q => $"{q.Id} {q.Heading.Trim()}"))}（{p.Confidence:0.00}）")));
        WriteList(console, $"{name}上级有、下级无", dropped.Select(i => $"{i.Id} {i.Heading.Trim()}"));
        WriteList(console, $"{name}下级新增", added.Select(i => $"{i.Id} {i.Heading.Trim()}"));
    }

    private static void WriteList(IAnsiConsole console, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]（{list.Count} 条）");
        foreach (var line in list)
        {
            console.MarkupLine("  " + Markup.Escape(line));
        }
    }
}
