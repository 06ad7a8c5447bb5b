using System.Text.RegularExpressions;

namespace GovOpenness.Domain.Parsing.Deadlines;

/// <summary>
/// The deadline phrases, as source-generated regular expressions over text that
/// <see cref="Text.ChineseText.Normalize"/> has folded (ASCII digits and brackets, simplified characters).
/// DEADLINES.md in the parent folder is the contract these implement; keep both in step.
/// </summary>
/// <remarks>
/// Each expression starts at its anchor word (月, 季度, 半年, 年底, 工作日 …) and reads what comes before
/// it (year, 每年, 从/到 …) in a lookbehind with named captures: the engine then searches only for the
/// anchor, which is rare, instead of trying every digit and Chinese numeral of the text as a possible
/// start (ten to a hundred times faster on whole documents). The phrase starts at the earliest capture;
/// see <see cref="PhraseMatch.Extent"/>.
/// </remarks>
internal static partial class DeadlinePatterns
{
    private const RegexOptions Options = RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant;

    // Building blocks. Chinese numerals are allowed wherever digits are ("十一月底前", "二〇二二年").
    private const string Numerals = "〇零一二三四五六七八九十两";
    private const string Num = "(?:[0-9]{1,2}|[" + Numerals + "]{1,3})";
    private const string YearNum = "(?:[0-9]{4}|[〇零一二三四五六七八九]{4})";

    // A number directly before the phrase means we are inside a longer number ("2013月"): not a start.
    private const string NotAfterNumeral = "(?<![0-9" + Numerals + "])";

    // "前" but not "前后" (around) nor the verbs 前往/前来/前进 (go, come, advance): "9月前后",
    // "3月前往北京" are not deadlines.
    private const string Before = "(?:之前|以前|前(?![后往来进]))";

    // "起" but not "起草" (drafting) or "起止" (start and end).
    private const string FromMark = "(?:起(?![草止])|开始)";

    // A year relative to the plan's: 今年/本年/当年, 明年/次年, 去年/上年 ("以上" is not 上年).
    private const string Rel = "(?<rel>[今本当明次去]|(?<!以)上)";

    // An optional year: written out ("2022 年", "二〇二二年") or relative ("今年", "明年").
    private const string YearPart = @"(?:(?<y>" + YearNum + @")\s*年\s*|" + Rel + @"年\s*)?";

    // 到/至 lead a deadline ("到6月底"); 从/自/于 lead a start ("从10月起", "于6月起").
    private const string Lead = @"(?:(?<pre>从|自|于|到|至)\s*)?";

    /// <summary>
    /// A month, with a day or a part of the month and a marker: "11月底前", "2022 年 8 月底前",
    /// "6月30日前", "9月中旬前", "9月前", "从10月起", "自7月1日起", "每年3月底前". A bare date
    /// ("2022年4月26日") matches too, without a marker, so that impossible dates can be reported;
    /// it is never a deadline.
    /// </summary>
    [GeneratedRegex(
        "(?<=" + NotAfterNumeral + Lead + @"(?<every>每年\s*)?" + YearPart + @"(?<m>" + Num + @"|元)\s*)"
        + @"月份?\s*"
        + @"(?:(?<d>" + Num + @")\s*[日号]\s*(?:(?<dbefore>" + Before + "|止)|(?<dfrom>" + FromMark + "))?"
        + @"|(?<end>[底末])\s*" + Before + "?"
        + @"|(?<xun>[上中下])旬\s*(?:" + Before + "|(?<xfrom>" + FromMark + "))?"
        + "|(?<before>" + Before + ")"
        + "|(?<from>" + FromMark + "))",
        Options)]
    public static partial Regex Month();

    /// <summary>
    /// A month standing alone in a cell or bracket, as 时限 columns write it: "（时限：2022年12月）",
    /// "…\t市政府办\t6月\n" → by the end of that month. It must start a cell (the text's start, tab,
    /// "|", opening bracket, colon, two spaces) and end it (line break, tab, "|", closing bracket, the
    /// text's end): "2021年12月，国务院印发…" narrates a past event, and a month alone on its own line
    /// may be a date under a signature; neither is a deadline. Dates with a day are never read this
    /// way: the issue date stands alone on its line.
    /// </summary>
    [GeneratedRegex(
        @"(?<=(?:^|[\t|(:\[【]|[ ]{2})[ ]*(?:(?<y>" + YearNum + @")\s*年\s*)?(?<m>" + Num + @")\s*)月份?(?=[ ]*(?:$|[\n\r\t|)\]】]))",
        Options)]
    public static partial Regex MonthAlone();

    /// <summary>
    /// A date with a day that is the whole text or cell (a 时限 cell handed over alone: "2022年6月30日")
    /// or follows a time-limit label ("（完成时限：6月30日）") → by that day. Elsewhere a bare date is an
    /// event ("2022年6月30日，省政府召开…", the issue date under the signature), not a deadline.
    /// </summary>
    [GeneratedRegex(
        @"(?<=(?:^|(?:时限|期限|完成时限|完成时间|截止时间|办结时间|时限要求)[:]?(?<labelled>))[ ]*(?:(?<y>" + YearNum + @")\s*年\s*)?(?<m>" + Num + @")\s*月\s*(?<d>" + Num + @")\s*)"
        + @"[日号](?<alone>)(?(labelled)(?=[ ]*(?:$|[\n\r\t|)\]】;,。]))|(?=[ ]*(?:$|[\n\r\t|])))",
        Options)]
    public static partial Regex DateAlone();

    /// <summary>
    /// A quarter: "第三季度", "三季度末", "2022年第一季度前", "每年第四季度", and its start "第三季度起".
    /// Not "前三季度" (a statistics period) nor "每季度".
    /// </summary>
    [GeneratedRegex(
        "(?<=(?<![前每0-9" + Numerals + "])" + Lead + @"(?<every>每年\s*)?" + YearPart + @"(?<ord>第)?\s*(?<q>[一二三四1-4])\s*)"
        + @"季度\s*(?:(?<from>" + FromMark + @")|(?:[末底]\s*)?(?:" + Before + "|内)?)",
        Options)]
    public static partial Regex Quarter();

    /// <summary>A half year: "上半年" (by 06-30), "下半年" (by 12-31), "2022年上半年前", "每年上半年"; "下半年起" (from 07-01).</summary>
    [GeneratedRegex(
        "(?<=" + Lead + @"(?<every>每年\s*)?" + YearPart + @"(?<half>[上下]))半年\s*(?:(?<from>" + FromMark + @")|(?:[末底]\s*)?(?:" + Before + "|内)?)",
        Options)]
    public static partial Regex HalfYear();

    /// <summary>The end of a year: "年底前", "2022年底前", "2021年年底", "今年年底", "明年底前", "每年年底前", "到2025年底".</summary>
    [GeneratedRegex(
        "(?<=" + Lead + @"(?<every>每(?:年\s*)?)?(?:(?<y>" + YearNum + @")\s*(?:年\s*)?|" + Rel + @"(?:年\s*)?)?)"
        + @"年\s*[底末]\s*" + Before + "?",
        Options)]
    public static partial Regex YearEnd();

    /// <summary>Within the year: "年内", "本年度内", "今年内". Not "三年内" or "半年内" (a length of time).</summary>
    [GeneratedRegex(
        "(?<=(?<![0-9" + Numerals + "个多几半近数每])" + Lead + @"(?<rel>[本今当])?)年度?内",
        Options)]
    public static partial Regex WithinYear();

    /// <summary>
    /// A named year with a marker: "2025年前", "2022年内", "从2021年起", "2022年起". "2022年前三季度"
    /// is a statistics period, not a deadline.
    /// </summary>
    [GeneratedRegex(
        "(?<=" + Lead + @"(?:(?<y>" + YearNum + @")\s*|" + Rel + @"))年\s*(?:(?<before>" + Before + ")(?![0-9" + Numerals + "])|(?<within>度?内)|(?<from>" + FromMark + "))",
        Options)]
    public static partial Regex NamedYear();

    /// <summary>A target year: "到2025年", "至2025年", when no month, quarter or year end follows.</summary>
    [GeneratedRegex(
        @"(?<pre>到|至)\s*(?<y>" + YearNum + @")\s*年(?!\s*(?:[0-9" + Numerals + "元]|[上下]半年|第|[底末]|年|度))",
        Options)]
    public static partial Regex TargetYear();

    /// <summary>
    /// A span of years used as a time adverbial at the start of a clause: "2021年—2023年，在全省实施…".
    /// The comma is required so that titles such as "（2021—2025年）规划" are not read as deadlines.
    /// </summary>
    [GeneratedRegex(
        @"(?<=(?<y0>" + YearNum + @")\s*年?\s*)[—–\-~至到]+\s*(?<y>" + YearNum + @")\s*年(?=\s*[,;:])",
        Options)]
    public static partial Regex YearSpan();

    /// <summary>
    /// Working days after a trigger: "3 个工作日内", "15个工作日内", "十个工作日以内", "不超过20个工作日"
    /// (a cap needs no "内"). "重要工作日程" has no number and is not matched.
    /// </summary>
    [GeneratedRegex(
        @"(?<=(?<cap>不超过|不得超过|不应超过)?\s*" + NotAfterNumeral + @"(?<n>[0-9]{1,3}|[" + Numerals + @"百]{1,4})\s*个?\s*)工作日"
        + @"(?(cap)(?:\s*(?:之内|以内|内))?|\s*(?:之内|以内|内))",
        Options)]
    public static partial Regex WorkingDays();

    /// <summary>
    /// "持续推进", "长期坚持", "常态化" … standing as the deadline: the whole of a clause or cell, i.e.
    /// between separators (text start or end, line break, tab, "|", comma, full stop, semicolon, colon,
    /// bracket; on the left also spaces, which separate cells of tables flattened to text). Inside a
    /// sentence ("持续推进高质量政务公开") they are ordinary verbs. "、" is not a separator:
    /// "标准化、常态化" lists qualities.
    /// </summary>
    [GeneratedRegex(
        @"(?<=^|[\s|,.;:()。\[\]【】])[ ]*(?<p>持续推进|持续开展|持续实施|持续进行|长期坚持|长期开展|长期推进|长期执行|长期有效|常态化推进|常态化开展|常态化|长期|持续)[ ]*(?=$|[\n\r\t|,.;:()。\[\]【】])",
        Options)]
    public static partial Regex Ongoing();
}
