using System.Text.RegularExpressions;

namespace GovOpenness.Domain.Parsing;

/// <summary>Patterns of the genre's fixed parts (dates, document numbers, footers), on normalized text.</summary>
internal static partial class DocumentPatterns
{
    /// <summary>Removes every blank, so "2021 年 5 月 12 日" and "孝政办发〔2022〕24 号" read as written officially.</summary>
    public static string Compact(string norm)
    {
        var blanks = 0;
        foreach (var c in norm)
        {
            if (char.IsWhiteSpace(c))
            {
                blanks++;
            }
        }

        if (blanks == 0)
        {
            return norm;
        }

        return string.Create(norm.Length - blanks, norm, static (span, source) =>
        {
            var k = 0;
            foreach (var c in source)
            {
                if (!char.IsWhiteSpace(c))
                {
                    span[k++] = c;
                }
            }
        });
    }

    /// <summary>A line that is a date and nothing else: the date under the issuing office.</summary>
    public static Match DateLine(string compact) => MayBeDate(compact) ? DateOnly().Match(compact) : Match.Empty;

    /// <summary>"山西省人民政府办公厅 2022年4月26日" on one line.</summary>
    public static Match IssuerAndDateLine(string compact) => MayBeDate(compact) ? IssuerAndDate().Match(compact) : Match.Empty;

    /// <summary>Signature dates end in 日 and are short: a cheap test before the expressions.</summary>
    private static bool MayBeDate(string compact) => compact.Length is >= 8 and <= 50 && compact[^1] == '日';

    /// <summary>Where the plan's own text ends: 抄送/印发 footers, attachments, a printing date.</summary>
    public static bool IsBodyEnd(string compact)
        => compact.Length > 0 && compact[0] switch
        {
            '抄' or '分' or '发' or '印' => Footer().IsMatch(compact) || PrintDate().IsMatch(compact),
            '附' => Attachment().IsMatch(compact),
            '本' => InterpretationNote().IsMatch(compact) || PrintDate().IsMatch(compact),
            _ => IsPrintDate(compact),
        };

    public static bool IsAttachmentHeader(string compact) => Attachment().IsMatch(compact);

    public static bool IsPrintDate(string compact) => compact.EndsWith("印发", StringComparison.Ordinal) && PrintDate().IsMatch(compact);

    /// <summary>A short line naming a government body, as signed above a date.</summary>
    public static bool LooksLikeIssuer(string compact)
        => compact.Length is >= 3 and <= 40 && IssuerSuffix().IsMatch(compact) && !compact.Any(IsSentencePunctuation);

    public static Match DocNumber(string compact) => DocNumberPattern().Match(compact);

    public static Match YearIn(string compact) => Year().Match(compact);

    /// <summary>
    /// A closing paragraph after the last item: it speaks of the plan as a whole ("本要点落实情况要纳入…")
    /// or to everyone ("各地各部门要…", "请各单位…").
    /// </summary>
    public static bool IsClosingParagraph(string paragraph) => ClosingParagraph().IsMatch(Text.ChineseText.Normalize(paragraph));

    public static bool IsSentencePunctuation(char c) => c is '。' or ',' or '，' or ';' or '；' or ':' or '：' or '!' or '?' or '“' or '”' or '"';

    /// <summary>"本文件由省政府办公厅负责解读。": the closing line that names who explains the document.</summary>
    [GeneratedRegex(@"^本(?:文件|要点|通知|方案)由.{2,30}负责解读[。.]?$")]
    private static partial Regex InterpretationNote();

    private const string DatePattern = @"(?<y>\d{4}|[〇○零一二三四五六七八九O]{4})年(?<m>\d{1,2}|[一二三四五六七八九十]{1,3})月(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})日";

    [GeneratedRegex("^" + DatePattern + "$")]
    private static partial Regex DateOnly();

    [GeneratedRegex(@"^(?<issuer>[^\d,。:;()]{3,40}?)" + DatePattern + "$")]
    private static partial Regex IssuerAndDate();

    [GeneratedRegex(@"^(?:抄送|抄报|分送|发送|印发)[:：]")]
    private static partial Regex Footer();

    /// <summary>"附件", "附件1", "附件：…", "附件2：…", "附表" (but not prose such as "附件材料要…").</summary>
    [GeneratedRegex(@"^附(?:件|表)(?:\d{1,2}|[一二三四五六七八九十]{1,3})?(?:$|[:：.、\s])")]
    private static partial Regex Attachment();

    [GeneratedRegex(DatePattern + "印发$")]
    private static partial Regex PrintDate();

    [GeneratedRegex(@"(?:厅|局|委|办|府|院|会|室|处|科|中心|政府|办公室|街道|镇|乡|部|组|所|站|队)$")]
    private static partial Regex IssuerSuffix();

    /// <summary>"晋政办发〔2022〕38号" with any bracket pair the copies use.</summary>
    [GeneratedRegex(@"(?<prefix>[\u4e00-\u9fff]{1,12})[〔\[【(﹝［]\s*(?<year>\d{4})\s*[〕\]】)﹞］]\s*(?<number>\d{1,5})\s*号")]
    private static partial Regex DocNumberPattern();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年")]
    private static partial Regex Year();

    [GeneratedRegex(@"^\s*(?:本(?:要点|方案|清单|计划|通知|台账|分工方案)|各(?:地|级|部门|单位|县|区|乡镇|科室|处室)[、,]?(?:各(?:部门|单位))?(?:要|应|须|务必)|请各|以上(?:任务|工作))")]
    private static partial Regex ClosingParagraph();
}
