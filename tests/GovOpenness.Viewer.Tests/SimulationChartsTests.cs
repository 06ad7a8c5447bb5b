using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Playwright;
using static GovOpenness.Viewer.Tests.ViewerPages;

namespace GovOpenness.Viewer.Tests;

/// <summary>
/// govctl simulate's charts checked by more than eye: the real govctl writes the charts and the JSON report
/// of one run; in Chromium each chart of charts.html is an image with a name and a description, and its
/// table's numbers are the report's for the same levels (bodies, first and last deadline, fewest and most
/// working days left, the 10-working-day line).
/// </summary>
public sealed class SimulationChartsTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovOpenness.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("找不到仓库根目录（GovOpenness.sln）");
    }

    /// <summary>Runs govctl (built beside this project: tools/GovOpenness.Cli) and returns its standard output.</summary>
    private static async Task<string> GovctlAsync(string root, params string[] arguments)
    {
        // bin/<Configuration>/net10.0/ of this project: govctl is built with the same configuration.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var govctl = Path.Combine(root, "tools", "GovOpenness.Cli", "bin", framework.Parent!.Name, framework.Name, "govctl.dll");
        Assert.True(File.Exists(govctl), $"未找到 {govctl}：请先构建 tools/GovOpenness.Cli");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(govctl);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"govctl 退出码 {process.ExitCode}：{await error}");
        return await output;
    }

    /// <summary>
    /// The 10-working-day line's label is drawn in the plot area (the clip rectangle of its group) with its whole
    /// em box inside: above the plot its CJK glyphs were cut at the top. ScottPlot writes CJK as compatibility
    /// ideographs (⼯ for 工), hence NFKC before comparing.
    /// </summary>
    private static void AssertLineLabelInsidePlot(string svgText, int line)
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var svg = XDocument.Parse(svgText);
        var label = Assert.Single(svg.Descendants(ns + "text"), t => t.Value.Trim().Normalize(NormalizationForm.FormKC) == $"{line}个工作日");
        var clip = label.Parent?.Attribute("clip-path")?.Value;
        Assert.True(clip is not null, "“10个工作日”不在绘图区内（没有裁剪区域）");
        var area = svg.Descendants(ns + "clipPath").Single(c => $"url(#{c.Attribute("id")!.Value})" == clip).Element(ns + "rect")!;
        double Number(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        var (left, top, width, height) = (Number(area, "x"), Number(area, "y"), Number(area, "width"), Number(area, "height"));

        // translate(x y) places the text; its x list holds each glyph's offset, its y the baseline's.
        var translate = label.Attribute("transform")!.Value.Split(['(', ' ', ')'], StringSplitOptions.RemoveEmptyEntries);
        var (tx, ty) = (double.Parse(translate[1], CultureInfo.InvariantCulture), double.Parse(translate[2], CultureInfo.InvariantCulture));
        static double[] Offsets(string list) => [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        var size = Number(label, "font-size");
        var xs = Offsets(label.Attribute("x")!.Value);
        var baseline = ty + Offsets(label.Attribute("y")!.Value)[0];
        Assert.InRange(baseline - size, top, top + height); // the full em above the baseline, not only the glyphs' measured bounds
        Assert.InRange(baseline + size * 0.2, top, top + height);
        Assert.InRange(tx + xs.Min(), left, left + width);
        Assert.InRange(tx + xs.Max() + size, left, left + width);
    }

    [ChromiumFact]
    public async Task Each_chart_has_a_name_a_description_and_a_table_whose_numbers_are_the_reports()
    {
        var root = RepositoryRoot();
        var directory = Path.Combine(Path.GetTempPath(), "govopenness-charts-" + Guid.NewGuid().ToString("N"));
        try
        {
            var json = await GovctlAsync(root, "simulate", Path.Combine(root, "samples", "scenarios", "lvliang-2022-townships.json"), "--json", "--charts", directory);
            using var report = JsonDocument.Parse(json);
            var levels = report.RootElement.GetProperty("levels").EnumerateArray()
                .Where(l => l.GetProperty("bodies").GetInt32() > 0 && l.TryGetProperty("daysLeft", out var d) && d.ValueKind == JsonValueKind.Object && l.GetProperty("deadlines").ValueKind == JsonValueKind.Object)
                .ToList();
            Assert.NotEmpty(levels);

            await using var browser = await LaunchChromiumAsync();
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(directory, "charts.html")).AbsoluteUri);

            foreach (var chart in new[] { "deadlines", "days-left", "completion" })
            {
                var figure = page.Locator($"figure[data-chart='{chart}']");
                var image = figure.GetByRole(AriaRole.Img);
                await Assertions.Expect(image).ToHaveAccessibleNameAsync(await figure.Locator("figcaption").InnerTextAsync());
                await Assertions.Expect(image).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("共\\d+个机构"));
                Assert.True(await image.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), $"{chart}.svg 未能显示");
                var svg = await File.ReadAllTextAsync(Path.Combine(directory, chart + ".svg"));
                Assert.Contains($"<title id=\"{chart}-title\">", svg, StringComparison.Ordinal);
                Assert.Contains($"<desc id=\"{chart}-desc\">", svg, StringComparison.Ordinal);
            }

            Assert.Equal(report.RootElement.GetProperty("infeasibleBelow").GetInt32().ToString(CultureInfo.InvariantCulture),
                await page.Locator("figure[data-chart='days-left']").GetAttributeAsync("data-line"));
            AssertLineLabelInsidePlot(await File.ReadAllTextAsync(Path.Combine(directory, "days-left.svg")), report.RootElement.GetProperty("infeasibleBelow").GetInt32());

            foreach (var level in levels)
            {
                var name = level.GetProperty("level").GetString()!;
                var bodies = level.GetProperty("bodies").GetInt32();
                async Task<(string First, string Last, string[] Xs, int[] Counts)> SeriesAsync(string chart)
                {
                    var rows = page.Locator($"table[data-chart='{chart}'] tr[data-level='{name}'][data-run='base']");
                    var count = await rows.CountAsync();
                    Assert.True(count > 0, $"{chart} 图缺少 {name} 的数据");
                    var first = rows.First;
                    var last = rows.Nth(count - 1);
                    var rowBodies = await rows.EvaluateAllAsync<int[]>("rs => rs.map(r => Number(r.dataset.bodies))");
                    Assert.All(rowBodies, b => Assert.Equal(bodies, b));
                    // Cumulative: never falling, never above the level's bodies.
                    var counts = await rows.EvaluateAllAsync<int[]>("rs => rs.map(r => Number(r.dataset.count))");
                    Assert.Equal(counts.Order(), counts);
                    Assert.InRange(counts[^1], 1, bodies);
                    var xs = await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.x)");
                    return ((await first.GetAttributeAsync("data-x"))!, (await last.GetAttributeAsync("data-x"))!, xs, counts);
                }

                var deadlines = await SeriesAsync("deadlines");
                Assert.Equal(level.GetProperty("deadlines").GetProperty("min").GetString(), deadlines.First);
                Assert.Equal(level.GetProperty("deadlines").GetProperty("max").GetString(), deadlines.Last);
                var daysLeft = await SeriesAsync("days-left");
                Assert.Equal(level.GetProperty("daysLeft").GetProperty("min").GetInt32().ToString(CultureInfo.InvariantCulture), daysLeft.First);
                Assert.Equal(level.GetProperty("daysLeft").GetProperty("max").GetInt32().ToString(CultureInfo.InvariantCulture), daysLeft.Last);
                // Left of the 10-working-day line: the bodies the report counts as short of time at this level.
                var below = report.RootElement.GetProperty("infeasibleBelow").GetInt32();
                var lastBelow = Array.FindLastIndex(daysLeft.Xs, x => int.Parse(x, CultureInfo.InvariantCulture) < below);
                Assert.Equal(report.RootElement.GetProperty("infeasibleByLevel").GetProperty(name).GetInt32(), lastBelow < 0 ? 0 : daysLeft.Counts[lastBelow]);
            }

            await ScreenshotAsync(page, "govctl-charts.png", fullPage: false);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
