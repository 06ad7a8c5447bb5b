using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GovOpenness.Domain.Simulation;

/// <summary>
/// Reads one YAML (or JSON: YAML is its superset) mapping by field name, remembering the dotted path
/// so that every error names the exact field, and rejecting fields it does not know (a typo such as
/// "isueDelay" would otherwise be silently ignored).
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public YamlFields(YamlNode node, string path)
    {
        Path = path;
        _node = node as YamlMappingNode ?? throw new ScenarioException(PathOrRoot, "应为键值对（映射）");
    }

    public string Path { get; }

    private string PathOrRoot => Path.Length == 0 ? "场景文件" : Path;

    public string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public YamlNode? Node(string name)
    {
        _known.Add(name);
        return _node.Children.TryGetValue(new YamlScalarNode(name), out var value) ? value : null;
    }

    public YamlFields? Mapping(string name) => Node(name) is { } node ? new YamlFields(node, Child(name)) : null;

    public IEnumerable<(string Key, YamlNode Value)> Entries() =>
        _node.Children.Select(kv => (((kv.Key as YamlScalarNode)?.Value) ?? "", kv.Value));

    public string? String(string name) => Node(name) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value,
        _ => throw new ScenarioException(Child(name), "应为单个值"),
    };

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } value ? value : throw new ScenarioException(Child(name), "缺少此项");

    public double? Number(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ScenarioException(Child(name), $"“{text}”不是数字");
    }

    public double NonNegative(string name, double? fallback = null)
    {
        var value = Number(name) ?? fallback ?? throw new ScenarioException(Child(name), "缺少此项");
        return value >= 0 ? value : throw new ScenarioException(Child(name), "不能为负数");
    }

    public int? Integer(string name)
    {
        var value = Number(name);
        return value is null ? null
            : value == Math.Floor(value.Value) && Math.Abs(value.Value) <= int.MaxValue ? (int)value.Value
            : throw new ScenarioException(Child(name), $"应为整数，而不是 {value}");
    }

    public bool? Boolean(string name) => String(name) switch
    {
        null => null,
        "true" or "True" or "yes" or "是" => true,
        "false" or "False" or "no" or "否" => false,
        var other => throw new ScenarioException(Child(name), $"应为 true 或 false，而不是“{other}”"),
    };

    public DateOnly? Date(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ScenarioException(Child(name), $"“{text}”不是有效日期，应写作 2022-04-26");
    }

    public IReadOnlyList<YamlNode> Sequence(string name) => Node(name) switch
    {
        null => [],
        YamlSequenceNode sequence => sequence.Children.ToList(),
        _ => throw new ScenarioException(Child(name), "应为列表"),
    };

    /// <summary>Rejects any field that was never asked for.</summary>
    public void RejectUnknown()
    {
        foreach (var (key, _) in Entries())
        {
            if (!_known.Contains(key))
            {
                throw new ScenarioException(Child(key), $"未知字段；此处可用的字段：{string.Join("、", _known.Order(StringComparer.Ordinal))}");
            }
        }
    }
}
