using System.Text.RegularExpressions;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Reads issuer, document number, issue date and year. The issue date is the date under the issuing
/// office (the signing date), never the printing date of the 印发 footer; the issuer is the office named
/// just above it, else the red header ("…文件"), else the covering notice's title ("…关于印发…").
/// The year comes from the title, else the document number, else the issue date.
/// </summary>
internal static partial class MetadataReader
{
    public static PlanMetadata Read(IReadOnlyList<SourceLine> lines, DocumentLayout layout, List<PlanWarning> warnings)
    {
        var headerEnd = layout.Title?.FirstLine ?? layout.BodyStart;
        var (issuer, issueDate) = ReadSignature(lines, 0, headerEnd, warnings);
        if (issueDate is null && issuer is null)
        {
            (issuer, issueDate) = ReadSignature(lines, layout.BodyEnd, lines.Count, warnings);
        }

        issuer ??= IssuerFromHeader(lines, headerEnd);
        var docNumber = ReadDocNumber(lines, headerEnd);
        var title = layout.Title?.Text ?? TitleFromNotice(lines, headerEnd);
        var year = YearOf(title) ?? docNumber?.Year ?? issueDate?.Year;
        return new PlanMetadata(title, issuer, docNumber?.Text, issueDate, year);
    }

    /// <summary>
    /// A plan printed without a title line of its own is named by its covering notice:
    /// "…关于印发山西省２０２２年政务公开工作要点的通知" (the notice's title may wrap over lines).
    /// </summary>
    private static string? TitleFromNotice(IReadOnlyList<SourceLine> lines, int headerEnd)
    {
        var joined = new System.Text.StringBuilder();
        var written = new System.Text.StringBuilder();
        for (var i = 0; i < headerEnd && joined.Length < 400; i++)
        {
            foreach (var (c, n) in lines[i].Text.Zip(lines[i].Norm))
            {
                if (!char.IsWhiteSpace(n))
                {
                    written.Append(c);
                    joined.Append(n);
                }
            }
        }

        var m = NoticeOfPlan().Match(joined.ToString());
        return m.Success ? written.ToString(m.Groups[1].Index, m.Groups[1].Length) : null;
    }

    private static (string? Issuer, DateOnly? Date) ReadSignature(IReadOnlyList<SourceLine> lines, int from, int to, List<PlanWarning> warnings)
    {
        var previous = -1;
        for (var i = from; i < to; i++)
        {
            var line = lines[i];
            if (!line.HasContent)
            {
                continue;
            }

            var compact = line.Compact;
            if (DocumentPatterns.IsPrintDate(compact))
            {
                previous = i;
                continue;
            }

            string? issuer = null;
            var match = DocumentPatterns.DateLine(compact);
            if (match.Success)
            {
                if (previous >= 0 && DocumentPatterns.LooksLikeIssuer(lines[previous].Compact))
                {
                    issuer = lines[previous].Text.Trim();
                }
            }
            else if ((match = DocumentPatterns.IssuerAndDateLine(compact)).Success && DocumentPatterns.LooksLikeIssuer(match.Groups["issuer"].Value))
            {
                issuer = CutBeforeDate(line.Text);
            }
            else
            {
                previous = i;
                continue;
            }

            var date = ToDate(match);
            if (date is null)
            {
                warnings.Add(new PlanWarning("issue-date-invalid", $"第 {line.Number} 行的成文日期“{line.Text.Trim()}”不是有效日期。", line.Number));
            }

            return (issuer, date);
        }

        return (null, null);
    }

    /// <summary>"山西省人民政府办公厅　２０２２年４月２６日" → the office's name as written.</summary>
    private static string CutBeforeDate(string text)
    {
        var trimmed = text.Trim();
        var cut = DateStart().Match(Text.ChineseText.Normalize(trimmed));
        return (cut.Success ? trimmed[..cut.Index] : trimmed).Trim().Trim('\u3000');
    }

    private static string? IssuerFromHeader(IReadOnlyList<SourceLine> lines, int headerEnd)
    {
        for (var i = 0; i < headerEnd; i++)
        {
            var compact = lines[i].Compact;
            var header = RedHeader().Match(compact);
            if (header.Success)
            {
                return header.Groups[1].Value;
            }

            var notice = NoticeTitle().Match(compact);
            if (notice.Success)
            {
                return notice.Groups[1].Value;
            }
        }

        return null;
    }

    private static (string Text, int Year)? ReadDocNumber(IReadOnlyList<SourceLine> lines, int headerEnd)
    {
        for (var i = 0; i < headerEnd; i++)
        {
            var compact = lines[i].Compact;
            var m = DocumentPatterns.DocNumber(compact);
            if (m.Success && (m.Index == 0 || compact.Length <= m.Length + 4))
            {
                var year = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var number = int.Parse(m.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture);
                return ($"{m.Groups["prefix"].Value}〔{year}〕{number}号", year);
            }
        }

        return null;
    }

    private static int? YearOf(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var m = DocumentPatterns.YearIn(DocumentPatterns.Compact(Text.ChineseText.Normalize(title)));
        return m.Success ? PlausibleYear(NumeralText.Parse(m.Groups["y"].Value)) : null;
    }

    public static int? PlausibleYear(int? year) => year is >= 1990 and <= 2100 ? year : null;

    public static DateOnly? ToDate(Match match)
    {
        var year = NumeralText.Parse(match.Groups["y"].Value);
        var month = NumeralText.Parse(match.Groups["m"].Value);
        var day = NumeralText.Parse(match.Groups["d"].Value);
        if (PlausibleYear(year) is not { } y || month is not (>= 1 and <= 12) || day is not >= 1 || day > DateTime.DaysInMonth(y, month.Value))
        {
            return null;
        }

        return new DateOnly(y, month.Value, day.Value);
    }

    [GeneratedRegex(@"^(.{2,30}?)文件$")]
    private static partial Regex RedHeader();

    [GeneratedRegex(@"关于印发《?([^《》,。:;]{4,60}?)》?的通知")]
    private static partial Regex NoticeOfPlan();

    [GeneratedRegex(@"^(.{2,30}?)关于")]
    private static partial Regex NoticeTitle();

    [GeneratedRegex(@"(?:\d|[〇○零一二三四五六七八九]){4}\s*年")]
    private static partial Regex DateStart();
}
