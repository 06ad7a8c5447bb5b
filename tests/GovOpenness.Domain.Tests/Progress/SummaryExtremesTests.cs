using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Tests.Progress;

public class SummaryExtremesTests
{
    private static SummaryExtremes Of(params Offender[] offenders) =>
        new(0, offenders.Length == 0 ? 0 : offenders.Max(o => o.MaxOverdueDays), [.. offenders]);

    [Fact]
    public void Merging_per_child_top_lists_gives_the_top_of_all_bodies()
    {
        var random = new Random(21);
        for (var trial = 0; trial < 100; trial++)
        {
            var all = Enumerable.Range(0, random.Next(1, 40))
                .Select(i => new Offender($"b{i:D2}", random.Next(1, 5), random.Next(1, 30), random.Next(1, 30)))
                .ToList();
            var parts = all.GroupBy(_ => random.Next(4))
                .Select(g => Of([.. g.OrderBy(o => o, Comparer<Offender>.Create(Offender.Compare)).Take(5)]));

            var merged = SummaryExtremes.Merge(parts, 5);

            var expected = all.OrderByDescending(o => o.OverdueDaysSum).ThenByDescending(o => o.OverdueItems).ThenBy(o => o.BodyId, StringComparer.Ordinal).Take(5);
            Assert.Equal(expected, merged.Offenders);
        }
    }

    [Fact]
    public void A_child_that_catches_up_leaves_its_parents_list()
    {
        var rollup = new SubtreeRollup("1411", 2022, offenderLimit: 2);
        var late = new Offender("141181001", 3, 90, 40);
        var later = new Offender("141182001", 2, 60, 30);
        rollup.Receive(new SummaryDelta("141181", 2022, 1, 0, 1, SummaryCounts.Zero, Of(late)));
        rollup.Receive(new SummaryDelta("141182", 2022, 1, 0, 1, SummaryCounts.Zero, Of(later)));
        Assert.Equal(new[] { late, later }, rollup.Summary.Extremes.Offenders);

        // 141181's subtree caught up: its whole (now empty) top list replaces what the parent held.
        rollup.Receive(new SummaryDelta("141181", 2022, 1, 1, 2, SummaryCounts.Zero, SummaryExtremes.None));

        Assert.Equal(new[] { later }, rollup.Summary.Extremes.Offenders);
        Assert.Equal(30, rollup.Summary.Extremes.MaxOverdueDays);
    }

    [Fact]
    public void The_list_never_grows_beyond_its_limit()
    {
        var rollup = new SubtreeRollup("14", 2022, offenderLimit: 3);
        for (var i = 0; i < 10; i++)
        {
            var child = $"14{i:D2}";
            rollup.Receive(new SummaryDelta(child, 2022, 1, 0, 1, SummaryCounts.Zero, Of(new Offender(child + "01", 1, i + 1, i + 1), new Offender(child + "02", 1, i, i))));
        }

        Assert.Equal(new[] { "140901", "140801", "140902" }, rollup.Summary.Extremes.Offenders.Select(o => o.BodyId));
    }

    [Fact]
    public void Ties_are_broken_by_body_id()
    {
        var a = new Offender("b", 2, 10, 5);
        var b = new Offender("a", 2, 10, 5);

        var merged = SummaryExtremes.Merge([Of(a), Of(b)], 5);

        Assert.Equal(new[] { "a", "b" }, merged.Offenders.Select(o => o.BodyId));
    }
}
