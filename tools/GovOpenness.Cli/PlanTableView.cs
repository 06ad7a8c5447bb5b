using GovOpenness.Domain.Plans;
using Spectre.Console;

namespace GovOpenness.Cli;

/// <summary>The readable Chinese view of a parsed plan: metadata, the items with deadlines and units, warnings.</summary>
internal static class PlanTableView
{
    public static void Write(PlanDocument plan)
    {
        var console = AnsiConsole.Console;
        var meta = new Grid().AddColumn().AddColumn();
        meta.AddRow("[bold]标题[/]", Markup.Escape(plan.Title ?? "（未识别）"));
        meta.AddRow("[bold]发文机关[/]", Markup.Escape(plan.Issuer ?? "（未识别）"));
        meta.AddRow("[bold]文号[/]", Markup.Escape(plan.DocNumber ?? "（无）"));
        meta.AddRow("[bold]成文日期[/]", plan.IssueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "（未识别）");
        meta.AddRow("[bold]年度[/]", plan.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var sections = plan.Items.Count(i => i.Depth == 1);
        meta.AddRow("[bold]条目[/]", $"{sections} 个部分，{plan.Items.Count - sections} 个条目");
        console.Write(meta);
        console.WriteLine();

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("编号")
            .AddColumn("标题")
            .AddColumn("期限")
            .AddColumn("责任单位");
        foreach (var item in plan.Items)
        {
            // Depth shows in the id ("2.3.1"); sections are bold. (Indenting with blanks would make the table wrap at them.)
            var heading = item.Depth == 1 ? $"[bold]{Markup.Escape(item.Heading)}[/]" : Markup.Escape(item.Heading);
            table.AddRow(
                Markup.Escape(item.Id),
                heading,
                Markup.Escape(string.Join("\n", item.Deadlines.Select(Describe))),
                Markup.Escape(string.Join("、", item.Units)));
        }

        console.Write(table);
        if (plan.Warnings.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine($"[yellow bold]提醒（{plan.Warnings.Count}）[/]");
        foreach (var w in plan.Warnings)
        {
            // The messages already name their item and line.
            console.MarkupLine($"[yellow]•[/] {Markup.Escape(w.Message)}");
        }
    }

    /// <summary>"１１月底前 → 2022-11-30 前": the phrase as written, then what it means.</summary>
    private static string Describe(Deadline d)
    {
        var date = d.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var meaning = d.Kind switch
        {
            DeadlineKind.By => $"{date} 前",
            DeadlineKind.Recurring => $"每年 {d.Date?.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)} 前",
            DeadlineKind.From => $"{date} 起",
            DeadlineKind.WorkingDays => $"{d.Days} 个工作日内",
            DeadlineKind.Target => $"到 {date}",
            DeadlineKind.Ongoing => "长期",
            _ => d.Kind.ToString(),
        };
        return $"{d.Text} → {meaning}";
    }
}
