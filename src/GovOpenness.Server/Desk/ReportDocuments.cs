using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GovOpenness.Domain.Desk;

namespace GovOpenness.Server.Desk;

/// <summary>
/// The annual report's section as a Word document (DocumentFormat.OpenXml: A4, 仿宋 body text and 黑体
/// headings as government documents set them) and as an HTML page. Text is always text: nothing a
/// body wrote can become markup.
/// </summary>
public static class ReportDocuments
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void WriteDocx(Stream stream, AnnualReport report, ReportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        body.Append(Paragraph(report.Title, "方正小标宋简体", 44, bold: true, centered: true));
        body.Append(Paragraph(report.SectionHeading, "黑体", 32));
        body.Append(Paragraph(report.Intro, "仿宋", 32, indent: true));
        if (report.RollUp is { } rollUp)
        {
            body.Append(Paragraph(rollUp, "仿宋", 32, indent: true));
        }

        var number = 0;
        foreach (var chapter in report.Chapters)
        {
            body.Append(Paragraph($"（{ChineseNumber(++number)}）{chapter.Heading}", "楷体", 32, bold: true));
            foreach (var (heading, lines) in Groups(chapter, template))
            {
                body.Append(Paragraph(heading, "仿宋", 32, bold: true, indent: true));
                var n = 0;
                foreach (var line in lines)
                {
                    body.Append(Paragraph($"{++n}. {line}", "仿宋", 32, indent: true));
                }
            }
        }

        body.Append(Paragraph(report.Closing, "仿宋", 32, indent: true));
        // A4 portrait with the margins of GB/T 9704 (公文格式): 37 mm top, 35 mm bottom, 28 / 26 mm sides.
        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1587U, Right = 1474U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    public static string Html(AnnualReport report, ReportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(report);
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(report.Title)).Append("</title>")
            .Append("<style>body{font-family:\"FangSong\",\"仿宋\",\"Noto Serif CJK SC\",serif;max-width:46rem;margin:2rem auto;line-height:1.9;padding:0 1rem}")
            .Append("h1{text-align:center;font-size:1.6rem}h2{font-family:\"SimHei\",\"黑体\",sans-serif;font-size:1.25rem}h3{font-size:1.1rem}")
            .Append("p.text{text-indent:2em}ol{margin-top:0}@media print{@page{size:A4 portrait;margin:37mm 26mm 35mm 28mm}}</style></head><body>")
            .Append("<article class=\"annual-report\" data-as-of=\"").Append(report.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("\">")
            .Append("<h1>").Append(E(report.Title)).Append("</h1>")
            .Append("<h2>").Append(E(report.SectionHeading)).Append("</h2>")
            .Append("<p class=\"text intro\">").Append(E(report.Intro)).Append("</p>");
        if (report.RollUp is { } rollUp)
        {
            html.Append("<p class=\"text roll-up\">").Append(E(rollUp)).Append("</p>");
        }

        var number = 0;
        foreach (var chapter in report.Chapters)
        {
            html.Append("<section class=\"chapter\"><h3>（").Append(ChineseNumber(++number)).Append('）').Append(E(chapter.Heading)).Append("</h3>");
            foreach (var (heading, lines) in Groups(chapter, template))
            {
                var kind = ReferenceEquals(lines, chapter.Late) ? "late" : ReferenceEquals(lines, chapter.Done) ? "done" : "open";
                html.Append("<h4>").Append(E(heading)).Append("</h4><ol class=\"").Append(kind).Append("\">");
                foreach (var line in lines)
                {
                    html.Append("<li>").Append(E(line)).Append("</li>");
                }

                html.Append("</ol>");
            }

            html.Append("</section>");
        }

        html.Append("<p class=\"text closing\">").Append(E(report.Closing)).Append("</p></article></body></html>");
        return html.ToString();
    }

    private static IEnumerable<(string Heading, IReadOnlyList<string> Lines)> Groups(ReportChapter chapter, ReportTemplate template)
    {
        if (chapter.Done.Count > 0)
        {
            yield return (template.DoneHeading, chapter.Done);
        }

        if (chapter.Open.Count > 0)
        {
            yield return (template.OpenHeading, chapter.Open);
        }

        if (chapter.Late.Count > 0)
        {
            yield return (template.LateHeading, chapter.Late);
        }
    }

    private static Paragraph Paragraph(string text, string font, int halfPoints, bool bold = false, bool centered = false, bool indent = false)
    {
        var runProperties = new RunProperties(
            new RunFonts { EastAsia = font, Ascii = font, HighAnsi = font },
            new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (centered)
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
        }

        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        return new Paragraph(properties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static string ChineseNumber(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]),
            _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
