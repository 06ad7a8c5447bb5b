using System.Globalization;
using GovOpenness.Domain.Hierarchy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GovOpenness.Domain.Simulation;

/// <summary>
/// Reads a scenario file (YAML or JSON) into a <see cref="Scenario"/>. Every problem becomes a
/// <see cref="ScenarioException"/> naming the field; checks that need the hierarchy or the calendar
/// (unknown bodies, impossible dates) are made by <see cref="ScenarioValidator"/>.
/// </summary>
public static class ScenarioReader
{
    /// <summary>The level keys a scenario's <c>levels</c> may use, in top-down order.</summary>
    public static IReadOnlyDictionary<string, BodyLevel> LevelKeys { get; } = new Dictionary<string, BodyLevel>(StringComparer.Ordinal)
    {
        ["nation"] = BodyLevel.Nation,
        ["province"] = BodyLevel.Province,
        ["prefecture"] = BodyLevel.Prefecture,
        ["county"] = BodyLevel.County,
        ["township"] = BodyLevel.Township,
        ["village"] = BodyLevel.Village,
    };

    public static Scenario ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioException("场景文件", $"“{path}”不存在");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException("场景文件", $"无法读取“{path}”：{e.Message}");
        }

        return Read(text, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <param name="text">The file's text.</param>
    /// <param name="baseDirectory">Where a <c>rootPlan</c> file path is resolved from.</param>
    public static Scenario Read(string text, string baseDirectory)
    {
        var root = new YamlFields(Load(text), "");
        var name = root.String("name") ?? "未命名场景";
        var seedText = root.String("seed") ?? throw new ScenarioException("seed", "缺少此项：同一场景与种子才能得到相同结果");
        var seed = ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ScenarioException("seed", $"“{seedText}”不是非负整数");
        var scope = root.Mapping("scope") ?? throw new ScenarioException("scope", "缺少此项（root 与 depth）");
        var rootId = scope.String("root") ?? BodyId.Nation;
        var depthKey = scope.RequiredString("depth");
        var depth = LevelKeys.TryGetValue(depthKey, out var d) ? d
            : throw new ScenarioException(scope.Child("depth"), $"未知层级“{depthKey}”，应为 {string.Join("、", LevelKeys.Keys)}");
        scope.RejectUnknown();

        var plan = root.Node("rootPlan") ?? throw new ScenarioException("rootPlan", "缺少此项：内联要点，或要点文件（.txt/.json/.yaml）的路径");
        var (title, planIssued, items) = RootPlanReader.Read(plan, "rootPlan", baseDirectory);
        var start = root.Date("start") ?? planIssued
            ?? throw new ScenarioException("start", "缺少此项，且要点未写明印发日期");
        var infeasibleBelow = root.Integer("infeasibleBelow") ?? 10;
        if (infeasibleBelow < 0)
        {
            throw new ScenarioException("infeasibleBelow", "不能为负数");
        }

        var levels = ReadLevels(root.Mapping("levels") ?? throw new ScenarioException("levels", "缺少此项"));
        var overrides = root.Sequence("overrides").Select((node, i) => ReadOverride(node, $"overrides[{i}]")).ToList();
        root.RejectUnknown();
        return new Scenario(name, rootId, depth, start, seed, title ?? name, items, levels, overrides, infeasibleBelow);
    }

    private static YamlNode Load(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : throw new ScenarioException("场景文件", "文件为空");
        }
        catch (YamlException e)
        {
            throw new ScenarioException("场景文件", $"第{e.Start.Line}行第{e.Start.Column}列格式错误：{e.InnerException?.Message ?? e.Message}");
        }
    }

    private static LevelBehaviour?[] ReadLevels(YamlFields levels)
    {
        var result = new LevelBehaviour?[LevelKeys.Count];
        foreach (var (key, node) in levels.Entries())
        {
            if (!LevelKeys.TryGetValue(key, out var level))
            {
                throw new ScenarioException(levels.Child(key), $"未知层级，应为 {string.Join("、", LevelKeys.Keys)}");
            }

            result[(int)level] = ReadLevel(new YamlFields(node, levels.Child(key)));
        }

        return result;
    }

    private static LevelBehaviour ReadLevel(YamlFields level)
    {
        var issueDelay = ReadDistribution(level, "issueDelay") ?? Distribution.Fixed(0);
        var rule = ReadRule(level, "deadlineRule") ?? DeadlineRule.Keep;
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

    internal static Distribution? ReadDistribution(YamlFields parent, string name)
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

    internal static DeadlineRule? ReadRule(YamlFields parent, string name)
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
        DeadlineRule rule;
        switch (kind)
        {
            case "keep":
                rule = DeadlineRule.Keep;
                break;
            case "workingDaysBefore":
                var days = (int)f.NonNegative("days");
                var jitter = (int)f.NonNegative("jitter", 0);
                if (f.Integer("days") > 250 || f.Integer("jitter") > 250)
                {
                    throw new ScenarioException(f.Child("days"), "提前的工作日过多（超过一年）");
                }

                rule = DeadlineRule.WorkingDaysBefore(days, jitter);
                break;
            case "endOfMonth":
                var month = f.Integer("month") ?? throw new ScenarioException(f.Child("month"), "缺少此项（1到12）");
                if (month is < 1 or > 12)
                {
                    throw new ScenarioException(f.Child("month"), $"{month}月不存在，应为1到12");
                }

                rule = DeadlineRule.EndOfMonth(month);
                break;
            case "monthsEarlier":
                var months = f.Integer("months") ?? throw new ScenarioException(f.Child("months"), "缺少此项（提前的月数）");
                if (months is < 0 or > 11)
                {
                    throw new ScenarioException(f.Child("months"), $"应为0到11，而不是{months}");
                }

                rule = DeadlineRule.MonthsEarlier(months);
                break;
            default:
                throw new ScenarioException(f.Child("kind"), $"未知时限规则“{kind}”，应为 keep、workingDaysBefore、endOfMonth 或 monthsEarlier");
        }

        f.RejectUnknown();
        return rule with { AllowLater = allowLater };
    }

    private static BodyOverride ReadOverride(YamlNode node, string path)
    {
        var f = new YamlFields(node, path);
        var id = f.RequiredString("body");
        var result = new BodyOverride(id, f.Date("issueDate"), ReadRule(f, "deadlineRule"));
        f.RejectUnknown();
        return result;
    }

    private static void Ordered(YamlFields f, string lowName, double low, string highName, double high)
    {
        if (low > high)
        {
            throw new ScenarioException(f.Child(highName), string.Create(CultureInfo.InvariantCulture, $"不能小于 {lowName}（{low}）"));
        }
    }
}
