using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Reduces a responsible unit's name to its function so the same kind of office compares equal across
/// levels: 省司法厅 (province) carries down to 市司法局 (county), 省审批服务管理局 to 市行政审批局 only in part.
/// </summary>
public static class UnitNames
{
    private static readonly string[] LevelPrefixes = ["省", "市", "县", "区", "乡", "镇", "厅", "本级", "各级", "各"];
    private static readonly string[] KindSuffixes = ["管理局", "服务中心", "中心", "厅", "局", "委员会", "委", "办公室", "办", "处", "室", "部门", "总队", "支队"];

    /// <summary>The function part of a unit name: "市司法局" → "司法", "省公安厅" → "公安".</summary>
    public static string Key(string unit)
    {
        var key = ChineseText.Normalize(unit).Trim();
        foreach (var prefix in LevelPrefixes)
        {
            if (key.Length > prefix.Length + 1 && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                key = key[prefix.Length..];
                break;
            }
        }

        foreach (var suffix in KindSuffixes)
        {
            if (key.Length > suffix.Length + 1 && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                key = key[..^suffix.Length];
                break;
            }
        }

        return key;
    }

    /// <summary>The keys of a list of units, duplicates removed.</summary>
    public static IReadOnlySet<string> Keys(IEnumerable<string> units) =>
        units.Select(Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
}
