using System.Text.RegularExpressions;

namespace GovOpenness.Domain.Desk;

/// <summary>
/// The wording of the annual report's 年度重点工作任务落实情况 section, which a body may rewrite: each
/// sentence with placeholders in braces ({机构}, {年度}, {事项数}, {已办结}, {已反馈}, {办理中},
/// {未签收}, {逾期}, {按时率}, {得分}, {日期}, {下级机构数}; per item {事项}, {时限}, {逾期工作日},
/// {原因}, {情况}, {印证资料}). A placeholder the template does not know is an error, so a typo is
/// caught when the template is given rather than printed into a report.
/// </summary>
public sealed record ReportTemplate(
    string Title,
    string SectionHeading,
    string Intro,
    string RollUp,
    string DoneHeading,
    string DoneItem,
    string OpenHeading,
    string OpenItem,
    string LateHeading,
    string LateItem,
    string NoReason,
    string Closing)
{
    public static ReportTemplate Default { get; } = new(
        Title: "{机构}{年度}年政府信息公开工作年度报告（节选）",
        SectionHeading: "年度重点工作任务落实情况",
        Intro: "{年度}年，{机构}认真落实政务公开工作要点，共承担重点工作任务{事项数}项。截至{日期}，已办结{已办结}项，已反馈待复核{已反馈}项，办理中{办理中}项，未签收{未签收}项；逾期未完成{逾期}项，按时完成率{按时率}，考核得分{得分}分。",
        RollUp: "全系统（含下级{下级机构数}个机构）共承担任务{下级事项数}项，已办结{下级已办结}项，逾期未完成{下级逾期}项，考核得分{下级得分}分。",
        DoneHeading: "已完成的工作",
        DoneItem: "{事项}：{情况}{印证资料}",
        OpenHeading: "正在推进的工作",
        OpenItem: "{事项}：{情况}",
        LateHeading: "未按期完成的事项及原因",
        LateItem: "{事项}（时限{时限}，已逾期{逾期工作日}个工作日）：{原因}",
        NoReason: "尚未说明原因，已督促加快办理",
        Closing: "下一步，{机构}将对未完成事项逐项督办、限期办结，并在下一年度工作要点中回头看。");

    /// <summary>The placeholders a template may use.</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "机构", "年度", "事项数", "已办结", "已反馈", "办理中", "未签收", "逾期", "按时率", "得分", "日期",
        "下级机构数", "下级事项数", "下级已办结", "下级逾期", "下级得分",
        "事项", "时限", "逾期工作日", "原因", "情况", "印证资料",
    };

    private static readonly Regex Placeholder = new(@"\{([^{}]*)\}", RegexOptions.Compiled);

    /// <summary>Problems in Chinese (field and placeholder named), empty when the template can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, text) in Fields())
        {
            if (text is null)
            {
                problems.Add($"模板缺少“{name}”");
                continue;
            }

            if (text.Length > 2000)
            {
                problems.Add($"模板“{name}”过长（{text.Length}个字符，最多2000）");
            }

            foreach (Match m in Placeholder.Matches(text))
            {
                if (!Placeholders.Contains(m.Groups[1].Value))
                {
                    problems.Add($"模板“{name}”中的占位符“{{{m.Groups[1].Value}}}”无法识别：可用 {string.Join("、", Placeholders.Select(p => "{" + p + "}"))}");
                }
            }
        }

        return problems;
    }

    /// <summary>Fills a sentence: every known placeholder replaced, the values as given.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Placeholder.Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
    }

    private IEnumerable<(string Name, string? Text)> Fields() =>
    [
        ("title", Title), ("sectionHeading", SectionHeading), ("intro", Intro), ("rollUp", RollUp), ("doneHeading", DoneHeading),
        ("doneItem", DoneItem), ("openHeading", OpenHeading), ("openItem", OpenItem), ("lateHeading", LateHeading),
        ("lateItem", LateItem), ("noReason", NoReason), ("closing", Closing),
    ];
}
