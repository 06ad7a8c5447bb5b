using GovOpenness.Domain.Localization;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// A body's own document, aligned (and corrected pair by pair) against its parent's plan, as the changes
/// of a draft. A draft is checked like a localization, where a later deadline is an error unless an
/// exception with a reason is requested; a document that moved a date later is the body's wish, not its
/// right, so that date is left out of the draft (the parent's date stands) and said in a note, and the
/// editor may request the exception in the draft. Every other change is kept as the alignment made it.
/// </summary>
public static class ImportedDraft
{
    private static readonly HashSet<string> DeadlineCodes = new(StringComparer.Ordinal) { "deadline-later-than-parent", "deadline-index-unknown" };

    public sealed record Result(PlanLocalization Localization, IReadOnlyList<string> Notes);

    public static Result From(AlignmentResult alignment, PublishedPlan parent, DateOnly today)
    {
        var localization = AlignmentToLocalization.Convert(alignment, parent);
        var refused = LocalizationValidator.Default.Validate(parent, localization, today).Errors
            .Where(e => DeadlineCodes.Contains(e.Code) && e.ItemId is not null)
            .ToList();
        if (refused.Count == 0)
        {
            return new Result(localization, []);
        }

        var items = refused.Select(e => e.ItemId!).ToHashSet(StringComparer.Ordinal);
        var kept = localization.Changes.Where(c => !(c is TightenDeadline && items.Contains(c.ItemId))).ToList();
        var notes = refused.Select(e => $"{e.Message}：草稿保留上级期限，如确需推后请在草稿中申请例外并说明理由").ToList();
        return new Result(localization with { Changes = [.. kept] }, notes);
    }
}
