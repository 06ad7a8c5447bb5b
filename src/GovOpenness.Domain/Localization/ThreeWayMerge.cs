using System.Collections.Immutable;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Carries a child's changes from the parent plan version they were made on (v1) onto the parent's
/// revision (v2). Items the child did not change simply follow v2. Where v2 touched something the child
/// changed, the outcome is flagged as a <see cref="MergeConflict"/>, never dropped silently; the rule
/// for each case is on <see cref="ConflictKind"/>.
/// </summary>
public static class ThreeWayMerge
{
    /// <summary>
    /// Carries a body's changes onto its parent's current plan when the merge base is stored with each
    /// change (<see cref="BaseValueMerge.Record"/>) instead of as the parent's old plan: the old plan is
    /// rebuilt from the recorded items, which is all the merge reads of it.
    /// </summary>
    public static RebaseResult Rebase(PublishedPlan parent, PlanLocalization child, IEnumerable<RecordedBase> recorded)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(recorded);
        var items = new List<PlanItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in recorded)
        {
            if (entry.BaseItem(parent) is { } item && seen.Add(item.Id))
            {
                items.Add(item);
            }
        }

        var oldParent = parent with { Version = child.ParentVersion, Items = [.. items] };
        return Rebase(oldParent, parent, child);
    }

    public static RebaseResult Rebase(PublishedPlan oldParent, PublishedPlan newParent, PlanLocalization child)
    {
        ArgumentNullException.ThrowIfNull(oldParent);
        ArgumentNullException.ThrowIfNull(newParent);
        ArgumentNullException.ThrowIfNull(child);
        var oldItems = new Dictionary<string, PlanItem>(StringComparer.Ordinal);
        foreach (var item in oldParent.Items)
        {
            oldItems.TryAdd(item.Id, item);
        }

        var matcher = new ItemMatcher(newParent);
        var carried = ImmutableArray.CreateBuilder<LocalizationChange>();
        var conflicts = ImmutableArray.CreateBuilder<MergeConflict>();
        foreach (var change in child.Changes)
        {
            if (change is AddItem add)
            {
                RebaseAdd(add, oldParent, matcher, carried, conflicts);
                continue;
            }

            if (!oldItems.TryGetValue(change.ItemId, out var v1))
            {
                conflicts.Add(new MergeConflict(change.ItemId, ConflictKind.UnknownItem, $"事项{change.ItemId}：原上级计划中也没有此事项，“{change.Describe()}”未保留", change, false));
                continue;
            }

            var v2 = matcher.Find(v1);
            if (v2 is null)
            {
                // A drop of an item the parent removed agrees with the parent: nothing to flag or keep.
                if (change is not Drop)
                {
                    conflicts.Add(new MergeConflict(v1.Id, ConflictKind.ParentRemovedItem, $"事项{v1.Id}“{v1.Heading}”：上级新版本已删除此事项，本级的“{change.Describe()}”未保留", change, false));
                }

                continue;
            }

            var moved = v2.Id == v1.Id ? change : change with { ItemId = v2.Id };
            if (v2.Id != v1.Id)
            {
                conflicts.Add(new MergeConflict(v1.Id, ConflictKind.ItemRenumbered, $"事项{v1.Id}“{v1.Heading}”在上级新版本中编号改为{v2.Id}，本级的修改随之调整", change, true));
            }

            var outcome = RebaseOnItem(moved, change, v1, v2);
            if (outcome.Conflict is not null)
            {
                conflicts.Add(outcome.Conflict);
            }

            if (outcome.Change is not null)
            {
                carried.Add(outcome.Change);
            }
        }

        var rebased = child with { ParentBodyId = newParent.BodyId, ParentYear = newParent.Year, ParentVersion = newParent.Version, Changes = carried.ToImmutable() };
        return new RebaseResult(rebased, conflicts.ToImmutable());
    }

    private static (LocalizationChange? Change, MergeConflict? Conflict) RebaseOnItem(LocalizationChange change, LocalizationChange original, PlanItem v1, PlanItem v2)
    {
        var reworded = v1.Heading != v2.Heading || v1.Text != v2.Text;
        switch (change)
        {
            case Reword reword when (reword.Heading is not null && v1.Heading != v2.Heading) || (reword.Text is not null && v1.Text != v2.Text):
                return (change, new MergeConflict(v1.Id, ConflictKind.ParentReworded, $"事项{v1.Id}：上级新版本修改了此事项的表述，本级的表述予以保留，请核对", original, true));
            case SetUnits when !v1.Units.SequenceEqual(v2.Units, StringComparer.Ordinal):
                return (change, new MergeConflict(v1.Id, ConflictKind.ParentChangedUnits, $"事项{v1.Id}：上级新版本调整了责任单位，本级的责任单位予以保留，请核对", original, true));
            case Drop when reworded || !SameDates(v1.Deadlines, v2.Deadlines):
                return (change, new MergeConflict(v1.Id, ConflictKind.ParentChangedDroppedItem, $"事项{v1.Id}：上级新版本修改了本级标注不执行的事项，请核对不执行的理由是否仍然成立", original, true));
            case TightenDeadline tighten:
                return RebaseTighten(tighten, original, v1, v2);
            default:
                return (change, null);
        }
    }

    private static (LocalizationChange? Change, MergeConflict? Conflict) RebaseTighten(TightenDeadline change, LocalizationChange original, PlanItem v1, PlanItem v2)
    {
        var before = DeadlineRules.ComparedDate(v1.Deadlines, change);
        if (change.DeadlineIndex is int old && old >= 0 && old < v1.Deadlines.Count && FindDeadline(old, v1.Deadlines, v2.Deadlines) is int now)
        {
            // Found again (the parent may have added, removed or reordered the item's other deadlines):
            // the change follows the deadline it was made on to its position in the revision.
            change = change with { DeadlineIndex = now };
        }
        else if (change.DeadlineIndex is int i && (i < 0 || i >= v1.Deadlines.Count || i >= v2.Deadlines.Count || v1.Deadlines[i].Kind != v2.Deadlines[i].Kind))
        {
            return (null, ChangedDeadlines(change, original, v1));
        }

        if (!DeadlineRules.NamesDatedDeadline(v2.Deadlines, change.DeadlineIndex))
        {
            return (null, ChangedDeadlines(change, original, v1));
        }

        var after = DeadlineRules.ComparedDate(v2.Deadlines, change);
        if (change.ApprovedException)
        {
            return before == after
                ? (change, null)
                : (change, new MergeConflict(v1.Id, ConflictKind.ExceptionNeedsReview, $"事项{v1.Id}：上级期限由{before:yyyy-MM-dd}调整为{after:yyyy-MM-dd}，本级经批准的例外期限{change.NewDate:yyyy-MM-dd}须重新审批", original, true));
        }

        if (after is DateOnly parentDate && change.NewDate > parentDate)
        {
            return (null, new MergeConflict(v1.Id, ConflictKind.DeadlineNowLaterThanParent, $"事项{v1.Id}：本级期限{change.NewDate:yyyy-MM-dd}晚于上级新期限{parentDate:yyyy-MM-dd}，按上级期限执行", original, false));
        }

        return (change, null);
    }

    private static MergeConflict ChangedDeadlines(TightenDeadline change, LocalizationChange original, PlanItem v1) =>
        new(v1.Id, ConflictKind.ParentChangedDeadlines, $"事项{v1.Id}：上级新版本调整了此事项的期限设置，本级的期限{change.NewDate:yyyy-MM-dd}未保留，请重新设定", original, false);

    /// <summary>
    /// Where the old item's deadline at <paramref name="index"/> is in the revised item: at the same
    /// position when that one still reads the same, else the only one with the same phrase, else the only
    /// one of the same kind and date; null when the parent rewrote it, or when the old item stated the
    /// same phrase twice (then only its position can tell).
    /// </summary>
    private static int? FindDeadline(int index, IReadOnlyList<Deadline> old, IReadOnlyList<Deadline> revised)
    {
        var deadline = old[index];
        if (index < revised.Count && revised[index].Text == deadline.Text && revised[index].Kind == deadline.Kind)
        {
            return index;
        }

        if (old.Count(d => d.Text == deadline.Text) > 1)
        {
            return null;
        }

        var byText = Enumerable.Range(0, revised.Count).Where(i => revised[i].Text == deadline.Text && revised[i].Kind == deadline.Kind).ToList();
        if (byText.Count == 1)
        {
            return byText[0];
        }

        var byDate = Enumerable.Range(0, revised.Count).Where(i => revised[i].Kind == deadline.Kind && revised[i].Date == deadline.Date).ToList();
        return byText.Count == 0 && byDate.Count == 1 ? byDate[0] : null;
    }

    private static bool SameDates(IReadOnlyList<Deadline> a, IReadOnlyList<Deadline> b) =>
        a.Select(d => d.Date).SequenceEqual(b.Select(d => d.Date));

    private static void RebaseAdd(AddItem add, PublishedPlan oldParent, ItemMatcher matcher, ImmutableArray<LocalizationChange>.Builder carried, ImmutableArray<MergeConflict>.Builder conflicts)
    {
        if (matcher.HasId(add.ItemId))
        {
            conflicts.Add(new MergeConflict(add.ItemId, ConflictKind.LocalIdTaken, $"本级新增事项{add.ItemId}“{add.Heading}”：上级新版本已有同编号事项，请改用其他编号", add, false));
            return;
        }

        var isLocalAnchor = add.AfterItemId is not null && carried.Any(c => c is AddItem a && a.ItemId == add.AfterItemId);
        if (add.AfterItemId is null || isLocalAnchor)
        {
            carried.Add(add);
            return;
        }

        var anchorIndex = oldParent.Items.IndexOf(oldParent.FindItem(add.AfterItemId)!);
        for (var i = anchorIndex; i >= 0; i--)
        {
            var survivor = matcher.Find(oldParent.Items[i]);
            if (survivor is null)
            {
                continue;
            }

            carried.Add(add with { AfterItemId = survivor.Id });
            if (i != anchorIndex || survivor.Id != add.AfterItemId)
            {
                conflicts.Add(new MergeConflict(add.ItemId, i == anchorIndex ? ConflictKind.ItemRenumbered : ConflictKind.AnchorRemoved,
                    $"本级新增事项{add.ItemId}“{add.Heading}”：其前一事项{add.AfterItemId}在上级新版本中已{(i == anchorIndex ? "改编号" : "删除")}，现排在事项{survivor.Id}之后", add, true));
            }

            return;
        }

        carried.Add(add with { AfterItemId = null });
        conflicts.Add(new MergeConflict(add.ItemId, ConflictKind.AnchorRemoved, $"本级新增事项{add.ItemId}“{add.Heading}”：其前一事项{add.AfterItemId}在上级新版本中已删除，现排在末尾", add, true));
    }
}
