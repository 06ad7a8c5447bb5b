using System.Globalization;
using GovOpenness.Domain.Simulation;
using Spectre.Console;
using static GovOpenness.Cli.Simulation.ReportConsole;

namespace GovOpenness.Cli.Simulation;

/// <summary>The readable Chinese summary of one run.</summary>
internal static class SummaryWriter
{
    public static void Write(SimulationReport r, Scenario scenario, TextWriter writer)
    {
        var console = Over(writer);
        console.MarkupLine($"[bold]场景：{Markup.Escape(r.Scenario)}[/]（种子 {r.Seed}，根机构 {Date(r.Start)} 印发）");
        console.WriteLine($"模拟机构：{r.Bodies:N0} 个（{string.Join("、", r.Levels.Select(l => $"{l.Name}{l.Bodies:N0}"))}），每个机构恰好一次");
        console.WriteLine($"时间不足：{r.Infeasible:N0} 个机构收到要点时已过时限或剩余不足{r.InfeasibleBelow}个工作日（其中已过时限 {r.Passed:N0} 个）");
        console.WriteLine($"预计按时完成：{Share(r.OnTimeShare)}（按机构×事项计）" + (r.LaterThanParent > 0 ? $"；晚于上级时限（场景允许的例外）{r.LaterThanParent:N0} 处" : ""));

        foreach (var level in r.Levels.Skip(1))
        {
            var b = scenario.BehaviourOf(level.Level);
            console.WriteLine($"  {level.Name}：印发用时 {b.IssueDelay.Describe()}；时限 {b.Deadline.Describe()}；办理用时（工作日）{b.Completion.Describe()}"
                + (b.LateShare > 0 ? $"；迟发比例 {Share(b.LateShare)}，多用 {b.LateExtraDelay.Describe()}" : ""));
        }

        var levels = new Table().Title("各层级").AddColumns("层级", "机构数", "收到日期 最早/中位/最晚", "印发日期 中位/最晚", "迟发", "最紧时限 最早/中位/最晚", "剩余工作日 最少/中位/最多", "已过时限", "时间不足", "预计按时");
        foreach (var l in r.Levels)
        {
            levels.AddRow(l.Name, $"{l.Bodies:N0}", Range(l.ReceiptDates), $"{Date(l.IssueDates?.Median)} / {Date(l.IssueDates?.Max)}", $"{l.Late:N0}",
                Range(l.Deadlines), Range(l.DaysLeft), $"{l.Passed:N0}", $"{l.Infeasible:N0}", Share(l.OnTimeShare));
        }

        console.Write(levels);
        var lowest = r.Levels[^1];
        var items = new Table().Title($"各事项（{lowest.Name}，共{lowest.Bodies:N0}个）").AddColumns("事项", "内容", "有效时限 最早/中位/最晚", "剩余工作日 最少/中位/最多", "已过时限", "时间不足", "预计按时");
        foreach (var i in lowest.Items)
        {
            items.AddRow(Markup.Escape(i.ItemId), Markup.Escape(i.Heading), Range(i.Deadlines), Range(i.DaysLeft),
                $"{i.Passed:N0}", $"{i.Infeasible:N0}", Share(lowest.Bodies == 0 ? 1 : (double)i.OnTime / lowest.Bodies));
        }

        console.Write(items);
        console.MarkupLine("[bold]关键路径[/]（每一步取下辖时间不足机构最多的下级：迟发的代价沿这条链传到基层）");
        foreach (var step in r.CriticalPath)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {LevelNames.Of(step.Level)} {step.Name}（{step.BodyId}）：{Date(step.Receipt)} 收到，{Date(step.Issue)} 印发，用时 {step.DelayDays} 天（{step.DelayWorkingDays} 个工作日）；下辖 {step.SubtreeBodies:N0} 个机构中时间不足 {step.InfeasibleBelow:N0} 个"));
        }

        if (r.WorstBodies.Count > 0)
        {
            console.MarkupLine("[bold]剩余时间最少的机构[/]");
            foreach (var w in r.WorstBodies.Take(10))
            {
                var left = w.DaysLeft < 0 || w.Deadline < w.Receipt ? $"时限已过（{w.DaysLeft} 个工作日）" : $"剩余 {w.DaysLeft} 个工作日";
                console.WriteLine($"  {w.Name}（{w.BodyId}）：{Date(w.Receipt)} 收到，事项 {w.ItemId} 时限 {Date(w.Deadline)}，{left}");
            }
        }
    }

    private static string Range(DateStat? s) => s is null ? "—" : $"{Date(s.Min)} / {Date(s.Median)} / {Date(s.Max)}";

    private static string Range(Stat? s) => s is null ? "—" : $"{s.Min} / {s.Median} / {s.Max}";
}
