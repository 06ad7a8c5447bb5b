using System.Text.RegularExpressions;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Finds the responsible units an item's text names: "（责任单位：…）", "（牵头单位：…；配合单位：…）",
/// "（综合处负责）", "（执法局、执法总队负责）", and lines of their own such as "责任单位：市财政局".
/// Lead units come before supporting ones, each once, as written.
/// </summary>
internal static partial class UnitExtractor
{
    public static List<string> Extract(string text)
    {
        var units = new List<string>();
        if (text.Length == 0)
        {
            return units;
        }

        var norm = ChineseText.Normalize(text);
        var masked = norm.ToCharArray();
        foreach (var (open, close) in Parentheticals(norm))
        {
            var inner = norm[(open + 1)..close];
            if (RolePrefix().IsMatch(inner) || (RoleSuffix().IsMatch(inner) && !inner.Contains('。') && inner.Length <= 120))
            {
                UnitListReader.AddDistinct(units, UnitListReader.Split(text[(open + 1)..close]));
            }

            Array.Fill(masked, ' ', open, close - open + 1);
        }

        // "责任单位：…" standing as a line or sentence of its own, outside any bracket.
        if (!norm.Contains("单位", StringComparison.Ordinal) && !norm.Contains("部门", StringComparison.Ordinal)
            && !norm.Contains("处室", StringComparison.Ordinal))
        {
            return units;
        }

        foreach (Match m in RoleLine().Matches(new string(masked)))
        {
            var group = m.Groups[1];
            UnitListReader.AddDistinct(units, UnitListReader.Split(text.Substring(group.Index, group.Length)));
        }

        return units;
    }

    /// <summary>Top-level bracket pairs (one level of nesting allowed inside, as in "各处室（局）").</summary>
    private static IEnumerable<(int Open, int Close)> Parentheticals(string norm)
    {
        var depth = 0;
        var open = -1;
        for (var i = 0; i < norm.Length; i++)
        {
            if (norm[i] == '(')
            {
                if (depth == 0)
                {
                    open = i;
                }

                depth++;
            }
            else if (norm[i] == ')' && depth > 0)
            {
                depth--;
                if (depth == 0)
                {
                    yield return (open, i);
                }
            }
            else if (norm[i] == '\n')
            {
                depth = 0;
            }
        }
    }

    [GeneratedRegex(@"^\s*(?:责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|责任处室|牵头处室|承办单位|负责单位|责任主体)\s*:")]
    private static partial Regex RolePrefix();

    [GeneratedRegex(@"(?:负责|牵头|配合)$")]
    private static partial Regex RoleSuffix();

    [GeneratedRegex(@"(?:^|[\n。;])\s*((?:责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|责任处室|牵头处室|承办单位|负责单位)\s*:[^\n。]*)")]
    private static partial Regex RoleLine();
}
