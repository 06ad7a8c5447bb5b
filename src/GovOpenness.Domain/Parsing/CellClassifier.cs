using System.Text.RegularExpressions;
using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Judges what a task-table cell holds from its words: merged and shifted cells (a group cell present
/// only on a group's first row, a row without its 序号) leave the header's columns unreliable, but a
/// number, a 时限, a list of units and a requirement each look like themselves.
/// </summary>
internal static partial class CellClassifier
{
    private const int MaxDeadlineCell = 24;
    private const int MaxUnitCell = 90;

    public static CellKind Classify(string cell)
    {
        var norm = DocumentPatterns.Compact(ChineseText.Normalize(cell)).TrimEnd('。', '.', ';', ',');
        if (norm.Length == 0)
        {
            return CellKind.Empty;
        }

        if (NumberCell().IsMatch(norm))
        {
            return CellKind.Number;
        }

        if (norm.Length <= 40 && HeadingPattern.Match(norm) is { } heading && heading.RestStart < norm.Length)
        {
            if (heading.Style is HeadingStyle.ChineseComma or HeadingStyle.Part)
            {
                return CellKind.Section;
            }

            if (heading.Style == HeadingStyle.ChineseParen)
            {
                return CellKind.Group;
            }
        }

        if (norm.Length <= MaxDeadlineCell && IsDeadline(norm))
        {
            return CellKind.Deadline;
        }

        if (norm.Length <= MaxUnitCell && !norm.Contains('。') && IsUnitList(norm))
        {
            return CellKind.Units;
        }

        return CellKind.Text;
    }

    /// <summary>
    /// Whether a cell lists units: its first clause, once a role word (牵头, 配合, 负责落实…) is taken off,
    /// ends with an office ("市发展改革委牵头,市住建局等…"); "认真抓好工作落实" does not.
    /// </summary>
    private static bool IsUnitList(string norm)
    {
        var first = norm.Split(',', ';', '\n')[0];
        var name = RoleWords().Replace(first, string.Empty);
        var etc = name.IndexOf('等', StringComparison.Ordinal);
        if (etc > 1)
        {
            name = name[..etc];
        }

        return name.Length >= 2 && Office().IsMatch(name.Split('、')[0]);
    }

    /// <summary>Whether a short cell is a time limit: a phrase the extractor reads, or one of the genre's time words.</summary>
    public static bool IsDeadline(string norm)
        => !UnitCell().IsMatch(norm) && (TimeWords().IsMatch(norm) || DeadlineExtractor.Extract(norm, 2000, 0).Deadlines.Count > 0);

    [GeneratedRegex(@"^\d{1,3}[.、]?$")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"(?:局|办|委|室|科|处|厅|部|部门|单位|政府|管委会|中心|队|院|所|站|会|组|办事处|街道|乡镇|各地|负责|牵头|配合|落实|统筹|协办|实施)(?:\([^()]*\))?(?:等)?$")]
    private static partial Regex UnitCell();

    [GeneratedRegex(@"(?:\([^()]*\))*$|(?:按职责分工|分别|共同)?(?:牵头负责|负责落实|牵头落实|牵头|配合|负责|落实|统筹|协办|参与)$")]
    private static partial Regex RoleWords();

    [GeneratedRegex(@"(?:局|办|委|室|科|处|厅|部门|单位|政府|管委会|中心|队|院|所|站|办事处|街道|乡镇|各地|区|县|市)(?:\([^()]*\))*$")]
    private static partial Regex Office();

    [GeneratedRegex(@"^(?:[\d一二三四五六七八九十〇零年月日号底前内起至到—\-~～上下半季度每周旬初中末个工作春节元旦即今明本长期持续常态化推进坚持开展执行有效及时随时定期按需适时根据进度同步]+)$")]
    private static partial Regex TimeWords();
}
