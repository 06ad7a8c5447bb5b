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
}
