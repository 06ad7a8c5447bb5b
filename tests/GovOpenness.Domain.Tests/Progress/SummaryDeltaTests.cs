using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Tests.Progress;

public class SummaryDeltaTests
{
    private static SummaryCounts RandomCounts(Random random)
    {
        Span<long> values = stackalloc long[SummaryCounts.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(-50, 50);
        }

        return SummaryCounts.From(values);
    }

    private static List<SummaryDelta> Chain(Random random, int length)
    {
        var deltas = new List<SummaryDelta>();
        for (var seq = 1; seq <= length; seq++)
        {
            var extremes = random.Next(3) == 0 ? new SummaryExtremes(random.Next(100), random.Next(100), []) : null;
            deltas.Add(new SummaryDelta("141181", 2022, 7, seq - 1, seq, RandomCounts(random), extremes));
        }

        return deltas;
    }

    [Fact]
    public void Coalescing_in_any_grouping_gives_the_same_delta()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var deltas = Chain(random, random.Next(2, 12));
            var leftFold = deltas.Aggregate((a, b) => a.Then(b));
            var split = random.Next(1, deltas.Count);
            var grouped = deltas.Take(split).Aggregate((a, b) => a.Then(b)).Then(deltas.Skip(split).Aggregate((a, b) => a.Then(b)));

            Assert.Equal(leftFold, grouped);
            Assert.Equal((0, deltas.Count), ((int)grouped.BaseSequence, (int)grouped.Sequence));
        }
    }

    [Fact]
    public void A_coalesced_delta_lands_where_the_single_deltas_land()
    {
        var random = new Random(12);
        var deltas = Chain(random, 6);
        var oneByOne = new SubtreeRollup("1411", 2022);
        var coalesced = new SubtreeRollup("1411", 2022);

        foreach (var delta in deltas)
        {
            Assert.Equal(DeltaOutcome.Applied, oneByOne.Receive(delta).Outcome);
        }

        Assert.Equal(DeltaOutcome.Applied, coalesced.Receive(deltas.Aggregate((a, b) => a.Then(b))).Outcome);
        Assert.Equal(oneByOne.Summary, coalesced.Summary);
        Assert.Equal(deltas.Last(d => d.Extremes is not null).Extremes!.MaxOverdueDays, coalesced.Summary.Extremes.MaxOverdueDays);
    }

    [Fact]
    public void Deltas_that_do_not_follow_each_other_cannot_be_coalesced()
    {
        var deltas = Chain(new Random(13), 3);

        var error = Assert.Throws<ArgumentException>(() => deltas[0].Then(deltas[2]));

        Assert.Contains("不衔接", error.Message);
    }

    [Fact]
    public void Counts_subtract_back_to_where_they_started()
    {
        var random = new Random(14);
        var a = RandomCounts(random);
        var b = RandomCounts(random);

        Assert.Equal(a, a.Add(b).Subtract(b));
        Assert.True(a.Subtract(a).IsZero);
        Assert.Equal(SummaryCounts.Zero, a.Add(a.Negate()));
    }
}
