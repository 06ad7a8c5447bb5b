using GovOpenness.Domain.Simulation;
using Spectre.Console;
using static GovOpenness.Cli.Simulation.ReportConsole;

namespace GovOpenness.Cli.Simulation;

/// <summary>Two runs side by side: per level and per item at the lowest level, with the difference.</summary>
internal static class CompareWriter
{
    public static void Write(SimulationReport a, SimulationReport b, TextWriter writer)
    {
        var console = Over(writer);
        console.WriteLine();
        console.MarkupLine($"[bold]假设分析：{Markup.Escape(a.Scenario)}  对比  {Markup.Escape(b.Scenario)}[/]");
        var table = new Table().AddColumns("层级", "时间不足（甲）", "时间不足（乙）", "变化", "剩余工作日中位（甲）", "（乙）", "预计按时（甲）", "（乙）");
        table.AddRow("合计", $"{a.Infeasible:N0}", $"{b.Infeasible:N0}", Signed(b.Infeasible - a.Infeasible), "", "", Share(a.OnTimeShare), Share(b.OnTimeShare));
        foreach (var la in a.Levels)
        {
            var lb = b.Levels.FirstOrDefault(l => l.Level == la.Level);
            table.AddRow(la.Name, $"{la.Infeasible:N0}", lb is null ? "—" : $"{lb.Infeasible:N0}", lb is null ? "" : Signed(lb.Infeasible - la.Infeasible),
                Days(la.DaysLeft?.Median), Days(lb?.DaysLeft?.Median), Share(la.OnTimeShare), lb is null ? "—" : Share(lb.OnTimeShare));
        }

        console.Write(table);
        var lowestA = a.Levels[^1];
        var lowestB = b.Levels.FirstOrDefault(l => l.Level == lowestA.Level);
        if (lowestB is null)
        {
            return;
        }

        var items = new Table().Title($"各事项：{lowestA.Name}剩余不足{a.InfeasibleBelow}个工作日（含已过时限）的机构数").AddColumns("事项", "时限中位（甲）", "（乙）", "时间不足（甲）", "（乙）", "变化");
        foreach (var ia in lowestA.Items)
        {
            var ib = lowestB.Items.FirstOrDefault(i => i.ItemId == ia.ItemId);
            items.AddRow(Markup.Escape($"{ia.ItemId} {ia.Heading}"), Date(ia.Deadlines?.Median), Date(ib?.Deadlines?.Median),
                $"{ia.Infeasible:N0}", ib is null ? "—" : $"{ib.Infeasible:N0}", ib is null ? "" : Signed(ib.Infeasible - ia.Infeasible));
        }

        console.Write(items);
    }

    private static string Signed(int value) => value > 0 ? $"+{value:N0}" : $"{value:N0}";
}
