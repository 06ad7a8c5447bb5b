using GovOpenness.Domain.Progress;

namespace GovOpenness.Domain.Tests.Progress;

public class RollupExactnessTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void After_random_updates_over_an_unreliable_network_every_summary_equals_a_recount_from_the_leaves(int seed)
    {
        var simulation = new RollupSimulation(seed, bodies: 300);
        for (var checkpoint = 0; checkpoint < 3; checkpoint++)
        {
            for (var i = 0; i < 2000; i++)
            {
                simulation.Step();
            }

            simulation.Settle();
            Assert.All(simulation.Nodes, node =>
            {
                var (counts, extremes) = simulation.Recount(node);
                Assert.Equal(counts, node.Rollup.Summary.Counts);
                Assert.Equal(extremes, node.Rollup.Summary.Extremes);
            });

            // Opening a figure at any node lists parts that add up to it.
            foreach (var node in simulation.Nodes.Where((_, i) => i % 25 == 0))
            {
                var explained = node.Rollup.Explain(SummaryFigure.ItemsOverdue, node.Progress, simulation.Today, simulation.Calendar);
                Assert.Equal(node.Rollup.Summary.Counts.ItemsOverdue, explained.Parts.Sum(p => p.Value));
            }
        }

        // The run must have exercised the interesting paths, or it proves little.
        Assert.True(simulation.Applied > 2000, $"applied {simulation.Applied}");
        var root = simulation.Nodes[0].Rollup.Summary;
        Assert.Equal(300, root.Counts.Bodies);
        Assert.True(root.Counts.ItemsClosed > 0 && root.Counts[SummaryFigure.Returns] > 0 && root.Counts.ItemsOverdue > 0, root.Counts.ToString());
        Assert.NotEmpty(root.Extremes.Offenders);
    }

    [Fact]
    public void Settling_takes_one_pass_per_level_at_most()
    {
        var simulation = new RollupSimulation(seed: 9, bodies: 200);
        for (var i = 0; i < 1500; i++)
        {
            simulation.Step();
        }

        var rounds = simulation.Settle();

        // Bottom-up order, so each pass carries every change all the way up; a second pass finds
        // children that were told to resend in full, a third confirms quiet.
        Assert.InRange(rounds, 1, 4);
    }
}
