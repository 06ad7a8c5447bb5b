using System.Globalization;
using System.Text.Json;
using GovOpenness.Domain.Simulation;

namespace GovOpenness.Cli.Simulation;

/// <summary>One point of a cumulative curve: its x (a date as yyyy-MM-dd, or working days), the bodies up to it, and their share.</summary>
internal sealed record ChartPoint(double X, string Label, int Count, double Share);

/// <summary>One line of a chart: a level of one run (the base, or the what-if drawn dashed).</summary>
internal sealed record ChartSeries(string Name, string Level, bool Comparison, int Bodies, IReadOnlyList<ChartPoint> Points);

/// <summary>
/// What a chart draws, as numbers: the same series the plot is drawn from, so the accessible text (the
/// SVG's title and description, the table of charts.html) can never say something else than the picture.
/// </summary>
internal sealed record ChartFigure(string Name, string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series, int? LineAt)
{
    /// <summary>The cumulative series of every level of a run: bodies up to each x, as a share of the level's bodies.</summary>
    public static IReadOnlyList<ChartSeries> Levels(SimulationReport report, bool comparison, Func<LevelReport, IEnumerable<(double X, string Label, int Count)>> points)
    {
        var series = new List<ChartSeries>();
        foreach (var level in report.Levels)
        {
            var data = points(level).ToList();
            if (data.Count == 0 || level.Bodies == 0)
            {
                continue;
            }

            var running = 0;
            var cumulative = new List<ChartPoint>(data.Count);
            foreach (var (x, label, count) in data)
            {
                running += count;
                cumulative.Add(new ChartPoint(x, label, running, (double)running / level.Bodies));
            }

            var name = comparison ? $"{level.Name}（对比：{report.Scenario}）" : $"{level.Name}（{report.Scenario}）";
            series.Add(new ChartSeries(name, JsonNamingPolicy.CamelCase.ConvertName(level.Level.ToString()), comparison, level.Bodies, cumulative));
        }

        return series;
    }

    /// <summary>The SVG's accessible name and description: per line, its bodies and where it starts and ends.</summary>
    public string Description()
    {
        var lines = Series.Select(s =>
            $"{s.Name}：共{s.Bodies}个机构，{XLabel}自{s.Points[0].Label}（{Percent(s.Points[0].Share)}）至{s.Points[^1].Label}（{Percent(s.Points[^1].Share)}）");
        var line = LineAt is { } at ? $"；{at}个工作日线：少于此数难以按期完成" : "";
        return $"{Title}。纵轴：{YLabel}。" + string.Join("；", lines) + line + "。逐点数据见 charts.html。";
    }

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
