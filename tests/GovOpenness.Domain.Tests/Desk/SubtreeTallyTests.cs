using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Tests.Desk;

/// <summary>
/// A past-day recount done in parts (each child subtree tallied on its own, a large child split again)
/// equals the recount of the whole subtree in one piece: the sums, the extremes, each child's counts.
/// </summary>
public class SubtreeTallyTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.China;
    private static readonly DateOnly YearEnd = new(2022, 12, 31);
    private static readonly Body Nation = new("cn", "国务院", null, BodyLevel.Nation);
    private static readonly Body Province = new("14", "山西省", "cn", BodyLevel.Province);

    /// <summary>
    /// A body whose items were acknowledged on different days (some after the day recounted), and whose
    /// plan arrived on a day that depends on its position, so no two bodies count alike.
    /// </summary>
    private static BodyProgress Record(string id, string parent, int seed)
    {
        var body = new BodyProgress(id, 2022, parent).WithTargets(
        [
            new ItemTarget("1.1", new DateOnly(2022, 5, 31)),
            new ItemTarget("1.2", new DateOnly(2022, 11, 30), 3),
            new ItemTarget("1.3", new DateOnly(2023, 3, 31)),
            new ItemTarget("1.4", null),
        ]);
        body = body with { Milestones = new PlanMilestones(new DateOnly(2022, 4, 26), new DateOnly(2022, 5, 1).AddDays(seed % 40), null, null) };
        for (var i = 0; i < seed % 4; i++)
        {
            var on = new DateOnly(2022, 6, 1).AddDays(seed * 37 % 300);
            body = body.Apply(new ProgressUpdate(2022, $"1.{i + 1}", ProgressStep.Acknowledged, null, null, [], null), on).Body;
        }

        return body;
    }

    /// <summary>吕梁市 with three counties of a few townships each, in tree order.</summary>
    private static List<BodySheet> Prefecture()
    {
        var prefecture = new Body("1411", "吕梁市", "14", BodyLevel.Prefecture);
        var sheets = new List<BodySheet> { new(prefecture, [Nation, Province, prefecture], Record("1411", "14", 3), []) };
        var seed = 4;
        foreach (var county in new[] { "141102", "141181", "141182" })
        {
            var c = new Body(county, county, "1411", BodyLevel.County);
            sheets.Add(new BodySheet(c, [Nation, Province, prefecture, c], Record(county, "1411", seed++), []));
            for (var t = 1; t <= 5; t++)
            {
                var township = new Body($"{county}{t:000}", $"{county}{t:000}", county, BodyLevel.Township);
                sheets.Add(new BodySheet(township, [Nation, Province, prefecture, c, township], Record(township.Id, county, seed++ * 7), []));
            }
        }

        return sheets;
    }

    [Fact]
    public void A_subtree_recounted_child_by_child_equals_the_recount_in_one_piece()
    {
        var sheets = Prefecture();
        var whole = SubtreeAsOf.Of(sheets, YearEnd, Calendar);

        // Each county's subtree split again: the county's own record, then its townships two at a time.
        var children = sheets.Where(s => s.Body.Level == BodyLevel.County).ToDictionary(
            county => county.Body.Id,
            county => SubtreeTally.Combine(
                [SubtreeTally.Of([county.Progress], YearEnd, Calendar),
                 .. sheets.Where(s => s.Body.ParentId == county.Body.Id).Chunk(2).Select(part => SubtreeTally.Of(part.Select(s => s.Progress), YearEnd, Calendar))]),
            StringComparer.Ordinal);
        var parts = SubtreeAsOf.Combine(sheets[0].Progress, children, YearEnd, Calendar);

        Assert.True(whole.Summary.Counts.ItemsOverdue > 0); // the figures compared are not all zero
        Assert.True(whole.Summary.Counts[SummaryFigure.ItemsAcknowledged] > 0);
        Assert.NotEmpty(whole.Summary.Extremes.Offenders);
        Assert.Equal(whole.Summary, parts.Summary);
        Assert.Equal(whole.Children.OrderBy(c => c.Key).ToList(), parts.Children.OrderBy(c => c.Key).ToList());
        Assert.Equal(whole.Ranking().ToList(), parts.Ranking().ToList());
        Assert.Equal(1 + 3 * (1 + 5), parts.Summary.Counts.Bodies);
    }

    [Fact]
    public void Steps_taken_after_the_day_are_left_out_of_every_part()
    {
        var sheets = Prefecture();
        var early = SubtreeTally.Of(sheets.Select(s => s.Progress), new DateOnly(2022, 5, 1), Calendar);
        var late = SubtreeTally.Of(sheets.Select(s => s.Progress), YearEnd, Calendar);

        Assert.Equal(0, early.Counts[SummaryFigure.ItemsAcknowledged]);
        Assert.True(late.Counts[SummaryFigure.ItemsAcknowledged] > 0);
        Assert.Equal(late.Counts.Items, early.Counts.Items);
        Assert.Equal(SubtreeTally.Empty, SubtreeTally.Combine([]));
    }

    [Fact]
    public void An_untouched_subtree_counts_its_bodies_only_on_every_day()
    {
        // No targets, no milestones: what a province without a plan for the year holds.
        BodyProgress[] bodies = [new("15", 2022, "cn"), new("1501", 2022, "15"), new("150102", 2022, "1501")];
        var live = SubtreeTally.Of(bodies, new DateOnly(2026, 12, 4), Calendar).Counts;

        Assert.True(SubtreeTally.IsUntouched(live));
        Assert.Equal(SubtreeTally.Of(bodies, YearEnd, Calendar), SubtreeTally.OfBodies(bodies.Length));
        // Anything in it (a plan received, items) and it must be recounted.
        Assert.False(SubtreeTally.IsUntouched(SubtreeTally.Of(Prefecture().Select(s => s.Progress), YearEnd, Calendar).Counts));
    }
}
