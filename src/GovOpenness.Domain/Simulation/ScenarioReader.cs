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

            result[(int)level] = LevelBehaviourReader.ReadLevel(new YamlFields(node, levels.Child(key)));
        }

        return result;
    }

    private static BodyOverride ReadOverride(YamlNode node, string path)
    {
        var f = new YamlFields(node, path);
        var id = f.RequiredString("body");
        var result = new BodyOverride(id, f.Date("issueDate"), LevelBehaviourReader.ReadRule(f, "deadlineRule"));
        f.RejectUnknown();
        return result;
    }
}
