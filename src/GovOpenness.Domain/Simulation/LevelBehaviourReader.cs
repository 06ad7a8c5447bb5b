using System.Globalization;
using GovOpenness.Domain.Localization;
using YamlDotNet.RepresentationModel;

namespace GovOpenness.Domain.Simulation;

/// <summary>Reads one level's behaviour: distributions, the deadline rule and the late share.</summary>
internal static class LevelBehaviourReader
{
    public static LevelBehaviour ReadLevel(YamlFields level)
    {
        var issueDelay = ReadDistribution(level, "issueDelay") ?? Distribution.Fixed(0);
        var rule = ReadRule(level, "deadlineRule") ?? new AdoptAsIs();
        var completion = ReadDistribution(level, "completion") ?? Distribution.Fixed(0);
        var lateShare = level.NonNegative("lateShare", 0);
        if (lateShare > 1)
        {
            throw new ScenarioException(level.Child("lateShare"), "应在0到1之间（比例）");
        }

        var lateExtra = ReadDistribution(level, "lateExtraDelay") ?? Distribution.Fixed(0);
        if (lateShare > 0 && lateExtra == Distribution.Fixed(0))
        {
            throw new ScenarioException(level.Child("lateExtraDelay"), "设置了 lateShare 时须给出迟发机构多用的天数");
        }

        level.RejectUnknown();
        return new LevelBehaviour(issueDelay, rule, completion, lateShare, lateExtra);
    }

    public static Distribution? ReadDistribution(YamlFields parent, string name)
    {
        var node = parent.Node(name);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode)
        {
            return Distribution.Fixed(parent.NonNegative(name)); // a bare number: always that many days
        }

        var f = new YamlFields(node, parent.Child(name));
        var kind = f.RequiredString("kind");
        Distribution result;
        switch (kind)
        {
            case "fixed":
                result = Distribution.Fixed(f.NonNegative("value"));
                break;
            case "uniform":
                var (min, max) = (f.NonNegative("min"), f.NonNegative("max"));
                Ordered(f, "min", min, "max", max);
                result = Distribution.Uniform(min, max);
                break;
            case "triangular":
                var (tmin, mode, tmax) = (f.NonNegative("min"), f.NonNegative("mode"), f.NonNegative("max"));
                Ordered(f, "min", tmin, "mode", mode);
                Ordered(f, "mode", mode, "max", tmax);
                result = Distribution.Triangular(tmin, mode, tmax);
                break;
            case "lognormal":
                var mean = f.NonNegative("mean");
                var sigma = f.NonNegative("sigma", 0.5);
                if (sigma > 3)
                {
                    throw new ScenarioException(f.Child("sigma"), "过大（应不超过3）");
                }

                result = Distribution.LogNormal(mean, sigma);
                break;
            default:
                throw new ScenarioException(f.Child("kind"), $"未知分布“{kind}”，应为 fixed、uniform、triangular 或 lognormal");
        }

        f.RejectUnknown();
        if (result.UpperBound > 3650)
        {
            throw new ScenarioException(f.Path, "天数过大（超过十年）");
        }

        return result;
    }

    public static DeadlinePolicy? ReadRule(YamlFields parent, string name)
    {
        var node = parent.Node(name);
        if (node is null)
        {
            return null;
        }

        var f = node is YamlScalarNode scalar
            ? new YamlFields(new YamlMappingNode(new YamlScalarNode("kind"), scalar), parent.Child(name))
            : new YamlFields(node, parent.Child(name));
        var kind = f.RequiredString("kind");
        var allowLater = f.Boolean("allowLater") ?? false;
        DeadlinePolicy rule;
        switch (kind)
        {
            case "keep":
                rule = new AdoptAsIs();
                break;
            case "workingDaysBefore":
                var days = (int)f.NonNegative("days");
                var jitter = (int)f.NonNegative("jitter", 0);
                if (f.Integer("days") > WorkingDaysBeforeParent.MaxDays || f.Integer("jitter") > WorkingDaysBeforeParent.MaxDays)
                {
                    throw new ScenarioException(f.Child("days"), "提前的工作日过多（超过一年）");
                }

                rule = new WorkingDaysBeforeParent(days, jitter);
                break;
            case "endOfMonth":
                var month = f.Integer("month") ?? throw new ScenarioException(f.Child("month"), "缺少此项（1到12）");
                if (month is < 1 or > 12)
                {
                    throw new ScenarioException(f.Child("month"), $"{month}月不存在，应为1到12");
                }

                rule = new EndOfMonth(month);
                break;
            case "monthsEarlier":
                var months = f.Integer("months") ?? throw new ScenarioException(f.Child("months"), "缺少此项（提前的月数）");
                if (months is < 0 or > 11)
                {
                    throw new ScenarioException(f.Child("months"), $"应为0到11，而不是{months}");
                }

                rule = new MonthsEarlier(months);
                break;
            default:
                throw new ScenarioException(f.Child("kind"), $"未知时限规则“{kind}”，应为 keep、workingDaysBefore、endOfMonth 或 monthsEarlier");
        }

        f.RejectUnknown();
        return rule with { AllowLater = allowLater };
    }

    private static void Ordered(YamlFields f, string lowName, double low, string highName, double high)
    {
        if (low > high)
        {
            throw new ScenarioException(f.Child(highName), string.Create(CultureInfo.InvariantCulture, $"不能小于 {lowName}（{low}）"));
        }
    }
}
