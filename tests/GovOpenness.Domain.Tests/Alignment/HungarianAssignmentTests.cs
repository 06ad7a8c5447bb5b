using GovOpenness.Domain.Alignment;

namespace GovOpenness.Domain.Tests.Alignment;

public class HungarianAssignmentTests
{
    [Fact]
    public void Global_assignment_beats_greedy_first_match()
    {
        // Greedy would give row 0 its best column (0) and leave row 1 with 0.1; the optimum swaps them.
        var weights = new double[,] { { 0.9, 0.8 }, { 0.85, 0.1 } };

        var assignment = HungarianAssignment.Maximize(weights);

        Assert.Equal([1, 0], assignment);
    }

    [Fact]
    public void Rows_without_positive_weight_stay_unassigned_in_rectangular_problems()
    {
        var weights = new double[,] { { 0.5, 0, 0 }, { 0, 0, 0 } };

        Assert.Equal([0, -1], HungarianAssignment.Maximize(weights));
    }

    [Fact]
    public void Solving_per_component_gives_the_same_total_as_one_assignment()
    {
        var random = new Random(7);
        var weights = new double[12, 10];
        for (var r = 0; r < 12; r++)
        {
            for (var c = 0; c < 10; c++)
            {
                weights[r, c] = random.NextDouble() < 0.2 ? random.NextDouble() : 0;
            }
        }

        Assert.Equal(Total(weights, HungarianAssignment.Maximize(weights)), Total(weights, SparseAssignment.Maximize(weights)), 9);
    }

    private static double Total(double[,] weights, int[] assignment) =>
        assignment.Select((c, r) => c >= 0 ? weights[r, c] : 0).Sum();
}
