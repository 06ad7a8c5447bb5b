using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Tests.Progress;

public class AssessmentScoreTests
{
    private static SummaryCounts Counts(params (SummaryFigure Figure, long Value)[] values)
    {
        var array = new long[SummaryCounts.Length];
        foreach (var (figure, value) in values)
        {
            array[(int)figure] = value;
        }

        return SummaryCounts.From(array);
    }

    [Fact]
    public void The_score_follows_the_documented_formula()
    {
        // 10 items (weight 10): 6 done on time, 2 late, 1 overdue; 5 closed, 3 awaiting review, 2 returns.
        var counts = Counts(
            (SummaryFigure.Items, 10), (SummaryFigure.WeightTotal, 10), (SummaryFigure.WeightDone, 8),
            (SummaryFigure.ItemsDoneOnTime, 6), (SummaryFigure.ItemsDoneLate, 2), (SummaryFigure.ItemsOverdue, 1),
            (SummaryFigure.ItemsClosed, 5), (SummaryFigure.ItemsReported, 3), (SummaryFigure.Returns, 2));

        var score = AssessmentScore.Of(counts);

        // on time 6/9, completion 8/10, accepted 5/10, overdue 1/10.
        var expected = (100 * ((0.4 * 6 / 9) + (0.3 * 0.8) + (0.3 * 0.5))) - (20 * 0.1);
        Assert.Equal(Math.Round(expected, 2), score.Score);
        Assert.Equal((6.0 / 9, 0.8, 0.5, 0.1), (score.OnTimeShare, score.CompletionShare, score.AcceptedShare, score.OverdueShare));
    }

    [Fact]
    public void All_closed_on_time_scores_100()
    {
        var counts = Counts((SummaryFigure.Items, 4), (SummaryFigure.WeightTotal, 7), (SummaryFigure.WeightDone, 7),
            (SummaryFigure.ItemsDoneOnTime, 4), (SummaryFigure.ItemsClosed, 4));

        Assert.Equal(100, AssessmentScore.Of(counts).Score);
    }

    [Fact]
    public void Heavier_items_weigh_more_in_completion()
    {
        var heavyDone = Counts((SummaryFigure.Items, 2), (SummaryFigure.WeightTotal, 4), (SummaryFigure.WeightDone, 3));
        var lightDone = Counts((SummaryFigure.Items, 2), (SummaryFigure.WeightTotal, 4), (SummaryFigure.WeightDone, 1));

        Assert.Equal((0.75, 0.25), (AssessmentScore.Of(heavyDone).CompletionShare, AssessmentScore.Of(lightDone).CompletionShare));
    }

    [Fact]
    public void A_body_without_items_scores_zero()
    {
        Assert.Equal(0, AssessmentScore.Of(Counts((SummaryFigure.Bodies, 1))).Score);
    }

    [Fact]
    public void Ranking_is_by_score_and_ties_never_depend_on_input_order()
    {
        var good = Counts((SummaryFigure.Items, 2), (SummaryFigure.WeightTotal, 2), (SummaryFigure.WeightDone, 2), (SummaryFigure.ItemsDoneOnTime, 2), (SummaryFigure.ItemsClosed, 2));
        var poor = Counts((SummaryFigure.Items, 2), (SummaryFigure.WeightTotal, 2), (SummaryFigure.ItemsOverdue, 2));
        var bodies = new[] { ("141182", poor), ("141181", good), ("141183", good), ("141180", poor) };

        var forward = AssessmentRanking.Rank(bodies);
        var backward = AssessmentRanking.Rank(bodies.Reverse());

        Assert.Equal(new[] { "141181", "141183", "141180", "141182" }, forward.Select(r => r.BodyId));
        Assert.Equal(forward.Select(r => (r.Rank, r.BodyId)), backward.Select(r => (r.Rank, r.BodyId)));
        Assert.Equal(new[] { 1, 2, 3, 4 }, forward.Select(r => r.Rank));
    }

    [Fact]
    public void A_parent_ranks_its_children_by_their_subtrees()
    {
        var rollup = new SubtreeRollup("1411", 2022);
        var good = Counts((SummaryFigure.Bodies, 1), (SummaryFigure.Items, 2), (SummaryFigure.WeightTotal, 2), (SummaryFigure.WeightDone, 2), (SummaryFigure.ItemsDoneOnTime, 2));
        var poor = Counts((SummaryFigure.Bodies, 1), (SummaryFigure.Items, 2), (SummaryFigure.WeightTotal, 2), (SummaryFigure.ItemsOverdue, 1));
        rollup.Receive(new SummaryDelta("141102", 2022, 1, 0, 1, poor, null));
        rollup.Receive(new SummaryDelta("141181", 2022, 1, 0, 1, good, null));

        Assert.Equal(new[] { "141181", "141102" }, rollup.RankChildren().Select(r => r.BodyId));
    }
}
