using System.Collections.Immutable;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Tests.Progress;

/// <summary>
/// A parent's followers (<see cref="FollowerReceipts"/>), one of them noted with its own leaves (a
/// township that only follows, with its villages): counted as the subtree its own progress would give.
/// </summary>
public class FollowerReceiptsTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;
    private static readonly DateOnly Issued = new(2022, 5, 9);
    private static readonly DateOnly Received = new(2022, 5, 12);
    private static readonly DateOnly Today = new(2022, 10, 14);

    // The township's items and, 3 working days earlier, what it hands its villages: 1 and 2 red, 3 yellow on Today.
    private static readonly ImmutableArray<ItemTarget> Targets = [new("1", new DateOnly(2022, 9, 30)), new("2", new DateOnly(2022, 6, 30), 2), new("3", new DateOnly(2022, 10, 19)), new("4", null)];
    private static readonly ImmutableArray<ItemTarget> LeafTargets = [new("1", new DateOnly(2022, 9, 27)), new("2", new DateOnly(2022, 6, 27), 2), new("3", new DateOnly(2022, 10, 14)), new("4", null)];

    [Fact]
    public void A_follower_with_its_leaves_counts_as_the_sum_of_each_body_offenders_included()
    {
        var followers = new FollowerReceipts();
        followers.Merge([("141181100", Received, 7), ("141181101", Received, 0)], Issued);
        var leaves = Enumerable.Range(1, 7).Select(i => $"141181100{8 - i:000}").ToList();

        var figures = followers.FiguresOf("141181100", 2022, "141181", Targets, Today, China, leaves, LeafTargets, offenderLimit: 5);

        // The recount: the township with its receipt, each village received the same day, issued by the township that day.
        var township = ProgressFigures.ForBody(new BodyProgress("141181100", 2022, "141181") { Milestones = new(ParentIssuedOn: Issued, ReceivedOn: Received) }.WithTargets(Targets), Today, China);
        var villages = leaves.Select(v => ProgressFigures.ForBody(new BodyProgress(v, 2022, "141181100") { Milestones = new(ParentIssuedOn: Received, ReceivedOn: Received) }.WithTargets(LeafTargets), Today, China)).ToList();
        var sums = new long[SummaryCounts.Length];
        foreach (var part in villages.Prepend(township))
        {
            part.Counts.AddTo(sums);
        }

        Assert.Equal(SummaryCounts.From(sums), figures.Counts);
        Assert.Equal(8, figures.Counts.Bodies);
        Assert.Equal(8, figures.Counts[SummaryFigure.BodiesReceived]);
        Assert.Equal(16, figures.Counts[SummaryFigure.ItemsOverdue]);
        Assert.Equal(SummaryExtremes.Merge(villages.Prepend(township).Select(p => p.Extremes), 5), figures.Extremes);
        Assert.Equal(["141181100001", "141181100002", "141181100003", "141181100004", "141181100005"], figures.Extremes.Offenders.Select(o => o.BodyId));

        // A follower without leaves is the body alone, as before.
        Assert.Equal(1, followers.FiguresOf("141181101", 2022, "141181", Targets, Today, China).Counts.Bodies);
    }

    [Fact]
    public void The_leaf_count_is_kept_with_the_earliest_receipt_and_survives_the_record()
    {
        var followers = new FollowerReceipts();
        Assert.Equal(["141181100", "141181101"], followers.Merge([("141181100", Received, 7), ("141181101", Received, 0)], Issued));

        // A repeat changes nothing; an earlier receipt, or more leaves, change the receipt.
        Assert.Empty(followers.Merge([("141181100", Received.AddDays(1), 7)], Issued));
        Assert.Equal(["141181100"], followers.Merge([("141181100", Received.AddDays(-1), 0)], Issued));
        Assert.Equal(7, followers.LeavesOf("141181100"));
        Assert.Equal(["141181101"], followers.Merge([("141181101", Received, 3)], Issued));

        var json = followers.Serialize();
        Assert.Contains("\"141181100/7\"", json, StringComparison.Ordinal);
        var read = FollowerReceipts.Deserialize(json);
        Assert.Equal((7, 3, 0), (read.LeavesOf("141181100"), read.LeavesOf("141181101"), read.LeavesOf("141181102")));
        Assert.Equal(Received.AddDays(-1), read.Find("141181100")!.ReceivedOn);

        // A record written before leaves were counted reads as followers alone.
        Assert.Equal(0, FollowerReceipts.Deserialize("{\"2022-05-09\":{\"2022-05-12\":[\"141181100\"]}}").LeavesOf("141181100"));
    }
}
