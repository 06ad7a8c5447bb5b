using System.Text.Json;
using System.Text.RegularExpressions;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;
using GovOpenness.Server.Live;

namespace GovOpenness.Server.Tests;

/// <summary>
/// The live push's compact summary (<see cref="CompactSummaryView"/>) carries every figure of the API's
/// summary view, and the viewer (ClientApp/src/live-wire.ts) names the counts in the enum's order.
/// </summary>
public sealed partial class LiveWireTests
{
    private const string WireFile = "src/GovOpenness.Server/ClientApp/src/live-wire.ts";

    [Fact]
    public void The_viewer_names_the_pushed_counts_in_the_servers_figure_order()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), WireFile));
        var list = FigureList().Match(source);
        Assert.True(list.Success, $"FIGURES not found in {WireFile}");
        var viewer = Quoted().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value).ToArray();
        var server = Enum.GetValues<SummaryFigure>().OrderBy(f => (int)f).Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString())).ToArray();
        Assert.Equal(server, viewer);
    }

    [Fact]
    public void The_compact_view_carries_the_same_figures_as_the_api_view()
    {
        var values = new long[SummaryCounts.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i * 7) + 1;
        }

        var counts = SummaryCounts.From(values);
        var extremes = new SummaryExtremes(3, 40, [new Offender("441302", 2, 55, 40)]);
        var view = new SummaryView(
            new SubtreeSummary("4413", 2031, counts, extremes),
            ProgressLight.Red,
            new AssessmentScore(61.67, 1.0 / 3, 0.5, 0.25, 0.125, 4),
            [new RankedBody(1, "441302", new AssessmentScore(80, 1, 0.6, 2.0 / 3, 0, 0)), new RankedBody(2, "441303", new AssessmentScore(12.5, 0.1, 0.2, 0.3, 0.4, 5))],
            Epoch: 639_000_000_000_000_000,
            Sequence: 42);

        var api = JsonSerializer.SerializeToElement(view, LocalizationJson.Options);
        var compact = CompactSummaryView.Of(view);

        var apiCounts = api.GetProperty("summary").GetProperty("counts");
        var figures = Enum.GetValues<SummaryFigure>();
        Assert.Equal(figures.Length, compact.GetProperty("counts").GetArrayLength());
        foreach (var figure in figures)
        {
            Assert.Equal(apiCounts.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(figure.ToString())).GetInt64(), compact.GetProperty("counts")[(int)figure].GetInt64());
        }

        Assert.Equal(api.GetProperty("summary").GetProperty("extremes").GetRawText(), compact.GetProperty("extremes").GetRawText());
        Assert.Equal(api.GetProperty("light").GetString(), compact.GetProperty("light").GetString());
        AssertScore(api.GetProperty("score"), [.. compact.GetProperty("score").EnumerateArray()]);
        var ranking = api.GetProperty("ranking").EnumerateArray().ToArray();
        Assert.Equal(ranking.Length, compact.GetProperty("ranking").GetArrayLength());
        for (var i = 0; i < ranking.Length; i++)
        {
            var entry = compact.GetProperty("ranking")[i].EnumerateArray().ToArray();
            Assert.Equal(ranking[i].GetProperty("rank").GetInt32(), entry[0].GetInt32());
            Assert.Equal(ranking[i].GetProperty("bodyId").GetString(), entry[1].GetString());
            AssertScore(ranking[i].GetProperty("score"), entry[2..]);
        }

        // The names left out are what makes it smaller.
        Assert.True(compact.GetRawText().Length * 2 < api.GetRawText().Length, $"compact {compact.GetRawText().Length} bytes, API {api.GetRawText().Length}");
    }

    private static void AssertScore(JsonElement api, JsonElement[] compact)
    {
        string[] names = ["score", "onTimeShare", "completionShare", "acceptedShare", "overdueShare", "overdueItems"];
        Assert.Equal(names.Length, compact.Length);
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(api.GetProperty(names[i]).GetDouble(), compact[i].GetDouble());
        }
    }

    [GeneratedRegex(@"FIGURES: readonly SummaryFigure\[\] = \[(.*?)\];", RegexOptions.Singleline)]
    private static partial Regex FigureList();

    [GeneratedRegex("\"([A-Za-z]+)\"")]
    private static partial Regex Quoted();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovOpenness.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GovOpenness.sln not found above " + AppContext.BaseDirectory);
    }
}
