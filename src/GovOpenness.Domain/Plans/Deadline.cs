namespace GovOpenness.Domain.Plans;

/// <summary>
/// One deadline as the document states it, with its normalized meaning beside the original text.
/// </summary>
/// <param name="Text">The phrase as written, e.g. "１１月底前".</param>
/// <param name="Kind">How the phrase is meant.</param>
/// <param name="Date">The normalized date where one applies (for <see cref="DeadlineKind.Recurring"/>,
/// the occurrence in the plan's year).</param>
/// <param name="Days">The number of working days, for <see cref="DeadlineKind.WorkingDays"/>.</param>
public sealed record Deadline(string Text, DeadlineKind Kind, DateOnly? Date = null, int? Days = null)
{
    /// <summary>The date by which the item must be done, where the deadline sets one.</summary>
    public DateOnly? DueDate => Kind is DeadlineKind.By or DeadlineKind.Target or DeadlineKind.Recurring ? Date : null;
}
