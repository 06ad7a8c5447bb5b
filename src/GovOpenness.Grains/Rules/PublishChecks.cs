using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Grains.Rules;

/// <summary>Rejects a plan that cannot be published, saying what and where.</summary>
internal static class PublishChecks
{
    public static string? Check(PublishPlanCommand command)
    {
        if (PlanYears.Problem(command.Year) is { } yearProblem)
        {
            return yearProblem;
        }

        if (command.Items is not { Count: > 0 })
        {
            return $"{command.Year}年计划没有任何事项";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < command.Items.Count; i++)
        {
            var item = command.Items[i];
            if (string.IsNullOrWhiteSpace(item.Id))
            {
                return $"第{i + 1}个事项缺少编号 id";
            }

            if (!seen.Add(item.Id))
            {
                return $"第{i + 1}个事项的编号“{item.Id}”重复";
            }

            if (string.IsNullOrWhiteSpace(item.Text) && string.IsNullOrWhiteSpace(item.Heading))
            {
                return $"事项“{item.Id}”没有内容";
            }

            if (item.Weight is < 1 or > Domain.Progress.ItemTarget.MaxWeight)
            {
                return $"事项“{item.Id}”的权重{item.Weight}无效：须在1到{Domain.Progress.ItemTarget.MaxWeight}之间";
            }
        }

        return PolicyRules.Problem(command.DescendantPolicy);
    }
}
