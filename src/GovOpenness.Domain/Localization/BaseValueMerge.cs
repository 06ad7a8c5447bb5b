using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// The three-way merge of a parent revision when the merge base is stored with each change (the parent
/// value it replaced) instead of as the parent's old plan. The body's change always stands (the
/// materializer applies it over the new parent plan, deadlines clamped there); what is found here is
/// the part both sides changed: the parent revised the units, heading or text the body had replaced,
/// so a person should look at the body's version again. Deadlines need no base: the materializer's
/// min(child's, parent's) rule and its issues cover them.
/// </summary>
public static class BaseValueMerge
{
    /// <summary>The base to store with a change made against <paramref name="parent"/>.</summary>
    public static RecordedBase Record(PublishedPlan parent, LocalizationChange change)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(change);
        if (change is AddItem || parent.FindItem(change.ItemId) is not { } item)
        {
            return new RecordedBase(change);
        }

        return change switch
        {
            SetUnits => new RecordedBase(change, Units: [.. item.Units]),
            Reword r => new RecordedBase(change, Heading: r.Heading is null ? null : item.Heading, Text: r.Text is null ? null : item.Text),
            _ => new RecordedBase(change),
        };
    }

    /// <summary>The changes whose base the parent has since revised, against the parent's current plan.</summary>
    public static ImmutableArray<MergeConflict> Conflicts(PublishedPlan parent, IEnumerable<RecordedBase> recorded)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(recorded);
        var conflicts = ImmutableArray.CreateBuilder<MergeConflict>();
        foreach (var entry in recorded)
        {
            if (entry.Change is AddItem || parent.FindItem(entry.Change.ItemId) is not { } theirs)
            {
                continue;
            }

            if (entry.Units is { } units && entry.Change is SetUnits && !units.SequenceEqual(theirs.Units))
            {
                conflicts.Add(new MergeConflict(theirs.Id, ConflictKind.ParentChangedUnits,
                    $"上级已修改事项“{theirs.Heading}”的责任单位，本级的责任单位需重新确认", entry.Change, true));
            }

            if (entry.Change is Reword && ((entry.Text is { } text && text != theirs.Text) || (entry.Heading is { } heading && heading != theirs.Heading)))
            {
                conflicts.Add(new MergeConflict(theirs.Id, ConflictKind.ParentReworded,
                    $"上级已修改事项“{theirs.Heading}”的内容，本级的表述需重新确认", entry.Change, true));
            }
        }

        return conflicts.ToImmutable();
    }
}
