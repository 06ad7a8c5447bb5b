using System.Globalization;
using System.Net;
using System.Text;

namespace GovOpenness.Cli.Simulation;

/// <summary>
/// The charts for people who cannot see them, and for checking them by more than eye: each SVG gets a
/// title and a description (role="img"), and charts.html shows every chart with its description and a
/// table of every point drawn (each row also carries its numbers as data attributes).
/// </summary>
internal static class ChartPage
{
    public const string FileName = "charts.html";

    /// <summary>Puts the figure's title and description first inside the SVG's root element.</summary>
    public static void Annotate(string svgPath, ChartFigure figure)
    {
        var svg = File.ReadAllText(svgPath);
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var end = open < 0 ? -1 : svg.IndexOf('>', open);
        if (end < 0)
        {
            return; // not an SVG ScottPlot would write: left as it is
        }

        var attributes = $" role=\"img\" aria-labelledby=\"{figure.Name}-title {figure.Name}-desc\"";
        var head = $"<title id=\"{figure.Name}-title\">{Escape(figure.Title)}</title><desc id=\"{figure.Name}-desc\">{Escape(figure.Description())}</desc>";
        File.WriteAllText(svgPath, svg[..end] + attributes + ">" + head + svg[(end + 1)..]);
    }

    /// <summary>Writes charts.html beside the charts and returns its path.</summary>
    public static string Write(string directory, string scenario, IReadOnlyList<ChartFigure> figures)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>模拟图表：").Append(Escape(scenario)).Append("</title>\n")
            .Append("<style>body{font-family:\"Noto Sans CJK SC\",sans-serif;margin:1.5rem;}img{max-width:100%;height:auto;}")
            .Append("table{border-collapse:collapse;margin:0.5rem 0 2rem;font-size:0.9rem;}th,td{border:1px solid #999;padding:0.2rem 0.5rem;text-align:left;}")
            .Append("td.n{text-align:right;}caption{text-align:left;font-weight:600;}</style>\n</head>\n<body>\n<h1>模拟图表：")
            .Append(Escape(scenario)).Append("</h1>\n");
        foreach (var figure in figures)
        {
            var n = figure.Name;
            html.Append("<figure id=\"").Append(n).Append("\" data-chart=\"").Append(n).Append('"');
            if (figure.LineAt is { } line)
            {
                html.Append(" data-line=\"").Append(line.ToString(CultureInfo.InvariantCulture)).Append('"');
            }

            html.Append(">\n<figcaption id=\"").Append(n).Append("-caption\">").Append(Escape(figure.Title)).Append("</figcaption>\n")
                .Append("<img src=\"").Append(n).Append(".svg\" alt=\"").Append(Escape(figure.Title)).Append("\" aria-describedby=\"").Append(n).Append("-summary\">\n")
                .Append("<p id=\"").Append(n).Append("-summary\">").Append(Escape(figure.Description())).Append("</p>\n")
                .Append("<table data-chart=\"").Append(n).Append("\"><caption>").Append(Escape(figure.Title)).Append("：逐点数据</caption>\n<thead><tr>")
                .Append("<th scope=\"col\">线条</th><th scope=\"col\">").Append(Escape(figure.XLabel)).Append("</th><th scope=\"col\">累计机构数</th>")
                .Append("<th scope=\"col\">机构总数</th><th scope=\"col\">").Append(Escape(figure.YLabel)).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var series in figure.Series)
            {
                foreach (var point in series.Points)
                {
                    html.Append("<tr data-level=\"").Append(series.Level).Append("\" data-run=\"").Append(series.Comparison ? "compare" : "base")
                        .Append("\" data-x=\"").Append(Escape(point.Label)).Append("\" data-count=\"").Append(point.Count.ToString(CultureInfo.InvariantCulture))
                        .Append("\" data-bodies=\"").Append(series.Bodies.ToString(CultureInfo.InvariantCulture)).Append("\"><th scope=\"row\">")
                        .Append(Escape(series.Name)).Append("</th><td>").Append(Escape(point.Label)).Append("</td><td class=\"n\">")
                        .Append(point.Count.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"n\">")
                        .Append(series.Bodies.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"n\">")
                        .Append(ChartFigure.Percent(point.Share)).Append("</td></tr>\n");
                }
            }

            html.Append("</tbody></table>\n</figure>\n");
        }

        html.Append("</body>\n</html>\n");
        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path, html.ToString());
        return path;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
