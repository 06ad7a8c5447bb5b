namespace GovOpenness.Domain.Desk;

/// <summary>How a filtered list is ordered; ties fall back to the tree order (parents before children).</summary>
public enum SubtreeSort
{
    /// <summary>Top down, as the tree shows the bodies.</summary>
    Tree = 0,
    Name = 1,
    Id = 2,
    Light = 3,
    OverdueItems = 4,
    OverdueDays = 5,
    Percent = 6,
    Level = 7,
}
