using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Localization.Samples;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Localization;

/// <summary>The sample cascade on the real documents as PlanParser reads them.</summary>
public class SampleCascadeParsedTests
{
    private static readonly SampleCascade Cascade = SampleCascade.LoadEmbedded();
    private static readonly Lazy<IReadOnlyList<SamplePublication>> Published = new(() => Cascade.PublishAll());

    private static SamplePublication Of(string bodyId, int year = 2022) =>
        Published.Value.Single(p => p.BodyId == bodyId && p.Plan.Year == year);

    private static PlanDocument ParseSample(string file) =>
        PlanParser.Parse(File.ReadAllText(Path.Combine(SamplesFolder.Path, "documents", file)));

    [Fact]
    public void Xiaoyi_gets_the_end_of_july_deadlines_for_law_enforcement_and_traffic()
    {
        var item = Of("141181").Effective!.FindItem("2.1")!;

        Assert.Equal("2.1", item.Origin);
        Assert.Contains("行政执法", item.Item.Heading);
        Assert.Contains("道路交管", item.Item.Heading);
        Assert.Equal(2, item.Item.Deadlines.Count);
        Assert.All(item.Item.Deadlines, d => Assert.Equal(new DateOnly(2022, 7, 31), d.Date));
        Assert.Equal(new DateOnly(2022, 11, 30), item.ParentDeadline);
    }

    [Fact]
    public void Xiaoyis_diff_against_luliang_shows_the_november_to_july_move()
    {
        var diff = PlanComparison.Compute(Of("1411").Plan, Of("141181").Effective!);

        var move = Assert.Single(diff, d => d.ItemId == "2.1").Deadline;
        Assert.Equal(new ValueChange<DateOnly?>(new DateOnly(2022, 11, 30), new DateOnly(2022, 7, 31)), move);
        Assert.Contains("\"deadline\":{\"from\":\"2022-11-30\",\"to\":\"2022-07-31\"}", LocalizationJson.Serialize(diff));
    }

    [Fact]
    public void The_whole_cascade_publishes_without_issues()
    {
        Assert.Equal(6, Published.Value.Count);
        Assert.All(Published.Value.Where(p => p.Effective is not null), p => Assert.Empty(p.Effective!.Issues));
        Assert.Equal(Of("14").Plan.Items.Select(i => i.Id), Of("1411").Plan.Items.Select(i => i.Id));
        Assert.Equal(2021, Of("14", 2021).Plan.Year);
        Assert.NotEmpty(Of("32.sthj").Plan.Items);
    }

    [Theory]
    [InlineData("141181")]
    [InlineData("14.sthj")]
    public void The_mapping_names_the_lower_documents_items_as_the_parser_numbers_them(string bodyId)
    {
        var sample = Cascade.Localizations.Single(l => l.BodyId == bodyId);
        var parsed = ParseSample(sample.Document!).Items.Where(i => i.Depth > 1).ToList();

        Assert.Equal(parsed.Select(i => (i.Id, i.Heading)), sample.Items.Select(i => (i.Item, i.Heading)));
    }

    [Theory]
    [InlineData("141181")]
    [InlineData("14.sthj")]
    public void Every_dated_deadline_of_the_lower_document_is_in_the_effective_plan(string bodyId)
    {
        var sample = Cascade.Localizations.Single(l => l.BodyId == bodyId);
        var effective = Of(bodyId).Effective!;
        // 002's "于6月起" for 公共资源交易 is a start the province item has no date for (see the README's limits).
        var known = new HashSet<(string, DateOnly)> { ("141181/1.5", new DateOnly(2022, 6, 1)) };

        // The lower document becomes a plan as any document does: yearly deadlines due from its issue date.
        foreach (var item in RecurringDeadlines.Resolve(ParseSample(sample.Document!)).Items)
        {
            var mapping = sample.Items.SingleOrDefault(m => m.Item == item.Id);
            var carriers = mapping is null ? []
                : mapping.Local is { } local ? [local] : mapping.CarriesOut.ToArray();
            foreach (var deadline in item.Deadlines.Where(d => d.Date.HasValue))
            {
                if (known.Contains(($"{bodyId}/{item.Id}", deadline.Date!.Value)))
                {
                    continue;
                }

                var dates = carriers.SelectMany(c => effective.FindItem(c)!.Item.Deadlines).Select(d => d.Date);
                Assert.True(dates.Contains(deadline.Date), $"{bodyId} 事项{item.Id}的期限“{deadline.Text}”不在其执行的上级事项 {string.Join("、", carriers)} 中");
            }
        }
    }
}
