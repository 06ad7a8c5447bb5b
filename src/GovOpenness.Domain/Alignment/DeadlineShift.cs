using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>One parent deadline as the child carries it: from → to.</summary>
/// <param name="From">The parent's deadline; null when the child added one.</param>
/// <param name="To">The child's deadline; null when the child dropped it.</param>
/// <param name="Direction">Earlier, later, the same, added or removed.</param>
/// <param name="WorkingDaysEarlier">Working days the child moved the date earlier (negative: later),
/// comparing the dates within the child's plan year; null unless both sides have a date.</param>
public sealed record DeadlineShift(Deadline? From, Deadline? To, ShiftDirection Direction, int? WorkingDaysEarlier)
{
    /// <summary>The parent's date (due date or start), if it has one.</summary>
    public DateOnly? FromDate => DeadlineComparison.DateOf(From);

    /// <summary>The child's date (due date or start), if it has one.</summary>
    public DateOnly? ToDate => DeadlineComparison.DateOf(To);
}
