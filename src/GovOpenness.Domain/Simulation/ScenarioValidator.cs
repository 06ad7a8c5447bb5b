using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Localization;

namespace GovOpenness.Domain.Simulation;

/// <summary>
/// The checks that need the hierarchy and the calendar: every simulated level has a behaviour,
/// overrides name bodies in scope, and no rule orders a level to finish before the plan exists.
/// </summary>
internal static class ScenarioValidator
{
    /// <summary>Checks the scenario and returns its overrides keyed by body ordinal.</summary>
    public static Dictionary<int, BodyOverride> Validate(Scenario scenario, SimulationHierarchy hierarchy, WorkingDayIndex days)
    {
        var rootLevel = hierarchy.LevelOf(0);
        for (var level = rootLevel + 1; level <= scenario.Depth; level++)
        {
            if (scenario.Levels[(int)level] is null && hierarchy.CountByLevel[(int)level] > 0)
            {
                throw new ScenarioException($"levels.{KeyOf(level)}", $"缺少此层级的设置：模拟范围包含{hierarchy.CountByLevel[(int)level]}个该级机构");
            }
        }

        foreach (var item in scenario.Items)
        {
            var deadline = days.IndexOf(item.Deadline);
            for (var level = rootLevel + 1; level <= scenario.Depth; level++)
            {
                deadline = CheckRule(scenario.BehaviourOf(level).Deadline, deadline, days, scenario, item, $"levels.{KeyOf(level)}.deadlineRule");
            }
        }

        var overrides = new Dictionary<int, BodyOverride>();
        for (var i = 0; i < scenario.Overrides.Count; i++)
        {
            var o = scenario.Overrides[i];
            var ordinal = hierarchy.IndexOf(o.BodyId);
            if (ordinal < 0)
            {
                throw new ScenarioException($"overrides[{i}].body", $"机构“{o.BodyId}”不在模拟范围内（scope.root={scenario.RootId}，depth={KeyOf(scenario.Depth)}）");
            }

            if (ordinal == 0)
            {
                throw new ScenarioException($"overrides[{i}].body", "不能覆盖根机构：根机构的印发日期就是 start");
            }

            if (o.IssueDate is { } date && date < scenario.Start)
            {
                throw new ScenarioException($"overrides[{i}].issueDate", $"{date:yyyy-MM-dd}早于根机构印发日期{scenario.Start:yyyy-MM-dd}");
            }

            if (o.IssueDate is { } late && late > days.Last)
            {
                throw new ScenarioException($"overrides[{i}].issueDate", $"{late:yyyy-MM-dd}超出模拟时段（至{days.Last:yyyy-MM-dd}）");
            }

            if (o.Deadline is { } rule)
            {
                // Checked against the root plan's deadlines, the latest any parent can have.
                foreach (var item in scenario.Items)
                {
                    CheckRule(rule, days.IndexOf(item.Deadline), days, scenario, item, $"overrides[{i}].deadlineRule");
                }
            }

            if (!overrides.TryAdd(ordinal, o))
            {
                throw new ScenarioException($"overrides[{i}].body", $"机构“{o.BodyId}”重复出现");
            }
        }

        return overrides;
    }

    public static string KeyOf(BodyLevel level) => ScenarioReader.LevelKeys.First(kv => kv.Value == level).Key;

    private static int CheckRule(DeadlinePolicy rule, int parentDeadline, WorkingDayIndex days, Scenario scenario, SimulatedItem item, string field)
    {
        var earliest = days.IndexOf(rule.Earliest(days.DateOf(parentDeadline), new DeadlineContext(scenario.Start.Year, days)));
        var start = days.IndexOf(scenario.Start);
        if (earliest < start && earliest < parentDeadline)
        {
            throw new ScenarioException(field,
                $"对事项“{item.Id}”得出的时限{days.DateOf(earliest):yyyy-MM-dd}早于根机构印发日期{scenario.Start:yyyy-MM-dd}，是不可能完成的日期");
        }

        return earliest;
    }
}
