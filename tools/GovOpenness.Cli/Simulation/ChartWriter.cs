using GovOpenness.Domain.Simulation;
using ScottPlot;

namespace GovOpenness.Cli.Simulation;

/// <summary>
/// Three charts, each as PNG and SVG: tightest deadline per level, working days left at receipt per
/// level, and the completion curve (share of bodies with every item done, by date), all cumulative
/// (a step curve reads better than a spiky histogram). Levels are drawn as shares of their bodies so a
/// province and 41,000 townships fit one axis. With a comparison the other scenario is drawn dashed with
/// hollow markers, each line named with its scenario in a legend beside the plot.
/// </summary>
internal static class ChartWriter
{
    // Wide enough for the legend beside the plot (outside the data, so it covers no line) and for the
    // axis titles: nothing is cut at this size with the CJK fonts the machine has.
    private const int Width = 1400;
    private const int Height = 720;

    // The y axis's top (shares run to 1), higher with the 10-working-day line: its label sits above a curve at 100 %.
    private const double AxisTop = 1.05;
    private const double AxisTopWithLine = 1.12;

    /// <param name="warn">Told (in Chinese) when no installed font can draw Chinese, so the PNGs would show boxes.</param>
    public static IReadOnlyList<string> Write(SimulationReport report, SimulationReport? other, string directory, Action<string> warn)
    {
        Directory.CreateDirectory(directory);
        var font = CjkFont.Find();
        if (font is null)
        {
            warn(CjkFont.MissingWarning);
        }

        var files = new List<string>();
        var figures = new List<ChartFigure>();
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        static double X(DateOnly d) => d.ToDateTime(TimeOnly.MinValue).ToOADate();
        figures.Add(Figure("deadlines", "各层级最紧时限分布（累计）", "有效时限", "时限不晚于该日的机构比例", report, other, null,
            l => l.DeadlineCounts.Select(c => (X(c.Date), Day(c.Date), c.Count))));
        figures.Add(Figure("days-left", "收到要点时的剩余工作日（累计）", "剩余工作日（最紧事项）", "剩余不超过该值的机构比例", report, other, report.InfeasibleBelow,
            l => l.DaysLeftCounts.Select(c => ((double)c.Days, c.Days.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Count))));
        figures.Add(Figure("completion", "完成曲线：全部事项已完成的机构比例", "日期", "累计比例", report, other, null,
            l => l.CompletionCounts.Select(c => (X(c.Date), Day(c.Date), c.Count))));
        foreach (var figure in figures)
        {
            files.AddRange(Save(directory, font, figure, dates: figure.Name != "days-left"));
        }

        files.Add(ChartPage.Write(directory, other is null ? report.Scenario : $"{report.Scenario} 与 {other.Scenario}", figures));
        return files;
    }

    private static ChartFigure Figure(string name, string title, string xLabel, string yLabel, SimulationReport report, SimulationReport? other, int? lineAt,
        Func<LevelReport, IEnumerable<(double X, string Label, int Count)>> points) =>
        new(name, other is null ? title : $"{title}：基准与对比", xLabel, yLabel,
            [.. ChartFigure.Levels(report, false, points), .. other is null ? [] : ChartFigure.Levels(other, true, points)], lineAt);

    private static IEnumerable<string> Save(string directory, string? font, ChartFigure figure, bool dates)
    {
        var plot = new Plot();
        AddLines(plot, figure.Series);
        if (figure.LineAt is { } at)
        {
            // The feasibility line, labelled on the plot and in the legend (drawn once with a comparison).
            var line = plot.Add.VerticalLine(at);
            line.LineColor = Colors.Red;
            line.LinePattern = LinePattern.Dotted;
            line.LineWidth = 2;
            line.LegendText = $"{at}个工作日线：少于此数难以按期完成";

            // The label sits inside the data area, right of the line's top, above a curve at 100 %: as the
            // line's own axis label it stood above the plot, its CJK glyphs clipped at the top. ScottPlot places
            // the text by bounds tighter than CJK glyphs (they rise ~7 px above them at this size), so the
            // offset down is larger than the padding the text needs.
            var label = plot.Add.Text($"{at}个工作日", at, AxisTopWithLine);
            label.LabelAlignment = Alignment.UpperLeft;
            label.OffsetX = 6;
            label.OffsetY = 16;
            label.LabelFontSize = 14;
            label.LabelFontColor = Colors.Red;
        }

        // Scenario names go into the legend (one entry per line), so the title stays one short line.
        var (name, xLabel) = (figure.Name, figure.XLabel);
        plot.Title(figure.Title);
        plot.YLabel(figure.YLabel);
        if (dates)
        {
            var axis = plot.Axes.DateTimeTicksBottom();
            if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
            {
                ticks.LabelFormatter = date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        plot.XLabel(xLabel); // after the date axis: it replaces the bottom axis, title included
        plot.Axes.SetLimitsY(0, figure.LineAt is null ? AxisTop : AxisTopWithLine); // shares: a curve at 100 % is not centred in an axis running to 2

        plot.ShowLegend(Edge.Right);

        // ScottPlot reserves room for text by its measured bounds, which for the CJK fonts are tighter than
        // what is drawn: the y title was clipped at the left edge, the title at the top and the legend's
        // first row at its top. Each panel and the legend's rows get room of their own.
        plot.Axes.Left.MinimumSize = 110;
        plot.Axes.Bottom.MinimumSize = 80;
        plot.Axes.Title.MinimumSize = 56;
        plot.Axes.Right.MinimumSize = 24;
        plot.Axes.Top.MinimumSize = 12;
        plot.Legend.Padding = new PixelPadding(12, 12, 16, 16);
        plot.Legend.InterItemPadding = new PixelPadding(0, 0, 10, 2);
        plot.Axes.Left.Label.OffsetX = 14;
        if (font is null)
        {
            plot.Font.Automatic(); // the best ScottPlot finds; the caller has warned that Chinese may show as boxes
        }
        else
        {
            plot.Font.Set(font);
        }

        // The legend clips its first row's tall glyphs at its top: an empty first row takes that overflow.
        // Manual items come after the plottables' own, so the legend is given in full, in order, by hand.
        var items = plot.GetPlottables().SelectMany(p => p.LegendItems).Where(i => !string.IsNullOrEmpty(i.LabelText)).ToList();
        foreach (var labelled in plot.GetPlottables().OfType<IHasLegendText>())
        {
            labelled.LegendText = "";
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = " ", LineWidth = 0, LineColor = Colors.Transparent, MarkerShape = MarkerShape.None });
        foreach (var item in items)
        {
            item.LabelFontName = font ?? plot.Legend.FontName ?? item.LabelFontName; // manual items keep their own font otherwise: no Chinese glyphs
        }

        plot.Legend.ManualItems.AddRange(items);

        var png = Path.Combine(directory, $"{name}.png");
        var svg = Path.Combine(directory, $"{name}.svg");
        plot.SavePng(png, Width, Height);
        plot.SaveSvg(svg, Width, Height);
        ChartPage.Annotate(svg, figure);
        return [png, svg];
    }

    private static void AddLines(Plot plot, IReadOnlyList<ChartSeries> series)
    {
        var palette = new ScottPlot.Palettes.Category10();
        var levels = series.Select(s => s.Level).Distinct().ToList(); // one colour per level in both runs
        foreach (var s in series)
        {
            var xs = s.Points.Select(p => p.X).ToArray();
            var ys = s.Points.Select(p => p.Share).ToArray();
            var line = xs.Length == 1 ? plot.Add.Scatter(xs, ys) : plot.Add.ScatterLine(xs, ys);
            line.Color = palette.GetColor(levels.IndexOf(s.Level));
            // What-if lines: dashed, thinner and with hollow markers, so they stay apart from the base run
            // even where the two coincide and in black-and-white print.
            line.LineWidth = s.Comparison ? 1.5f : 2.5f;
            line.LinePattern = s.Comparison ? LinePattern.Dashed : LinePattern.Solid;
            // A level whose bodies all share one value is a single point: without a marker it was not drawn at all.
            var single = xs.Length == 1;
            line.MarkerShape = s.Comparison ? MarkerShape.OpenCircle : single ? MarkerShape.FilledCircle : MarkerShape.None;
            line.MarkerSize = s.Comparison ? (single ? 9 : 5) : single ? 9 : 0;
            line.LegendText = s.Name;
            line.ConnectStyle = ConnectStyle.StepHorizontal;
        }
    }
}
