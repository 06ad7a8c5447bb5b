using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;
using GovOpenness.Grains.State;

namespace GovOpenness.Grains.Rules;

/// <summary>
/// Materializes a body's plan: from its own document, or from its parent's plan, its policy and its
/// changes. The changes are applied by the domain's <see cref="PlanMaterializer"/>; this class only
/// translates between the wire records and the domain's, and adds what the grain layer keeps on top:
/// the notes of every level (the domain's diff, <see cref="PlanComparison.Notes"/>, stamped with the body
/// that made it: who changed what and why, for the API), and the merge of a parent revision
/// (<see cref="ThreeWayMerge"/>, from each change's stored merge base): changes follow items the parent
/// renumbered and deadlines it restructured, and what needs a person's eye becomes a conflict.
/// </summary>
internal static class PlanDerivation
{
    public static EffectivePlan FromOwn(string bodyId, PublishPlanCommand own, int version) =>
        new(bodyId, own.Year, $"{bodyId}@{version}", bodyId, own.Title, own.DocNumber,
            [.. own.Items.Select(i => new EffectiveItem(i, bodyId, []))], [], []);

    public static EffectivePlan Derive(
        string bodyId,
        EffectivePlan parent,
        LocalizationPolicyData? policy,
        IReadOnlyList<RecordedChange> changes,
        int localRevision,
        WorkingDayCalendar calendar)
    {
        var stamp = $"{parent.Stamp}>{localRevision}";
        var domainPolicy = PolicyRules.ToDomain(policy);
        if (changes.Count == 0 && domainPolicy is null)
        {
            // Adopted as is (most bodies): the parent's items shared, nothing materialized.
            return new EffectivePlan(bodyId, parent.Year, stamp, parent.OriginBodyId, parent.Title, parent.DocNumber, parent.Items, parent.Dropped, []);
        }

        var published = parent.ToPublishedPlan();
        var stored = new PlanLocalization(parent.BodyId, parent.Year, published.Version,
            [.. changes.Select(c => c.Change.ToDomain()).OfType<LocalizationChange>()]);
        var merge = ThreeWayMerge.Rebase(published, stored, changes.Select(ToBase).OfType<RecordedBase>());
        var own = merge.Rebased;
        // The policy's changes with the body's own on top (the domain's rule: the earlier date wins).
        var localization = domainPolicy is null ? own : domainPolicy.Apply(published, own, calendar, bodyId);
        var mine = new HashSet<LocalizationChange>(own.Changes, ReferenceEqualityComparer.Instance);
        var materialized = PlanMaterializer.Materialize(published, localization, bodyId);
        var diff = PlanComparison.Notes(published, materialized, change => !mine.Contains(change));

        var byId = parent.Items.ToDictionary(i => i.Item.Id, StringComparer.Ordinal);
        var conflicts = materialized.Issues.Select(ToConflict).ToList();
        conflicts.AddRange(merge.Conflicts.Select(ToConflict));

        var items = new List<EffectiveItem>(materialized.Items.Length);
        foreach (var item in materialized.Items)
        {
            if (item.ParentItemId is { } parentItemId && byId.TryGetValue(parentItemId, out var before))
            {
                if (item.Changes.IsEmpty)
                {
                    items.Add(before);
                    continue;
                }

                var after = FromDomain(item.Item, before.Item.Depth);
                var notes = new List<ItemChangeNote>(before.Changes);
                if (diff.TryGetValue(parentItemId, out var changed))
                {
                    notes.AddRange(changed.Select(n => new ItemChangeNote(bodyId, n.Field, n.From, n.To, n.Reason, n.ByPolicy)));
                }

                items.Add(before with { Item = after, Changes = notes });
            }
            else
            {
                items.Add(new EffectiveItem(FromDomain(item.Item, 2), bodyId, [new(bodyId, "added", null, item.Item.Heading)]));
            }
        }

        var dropped = new List<EffectiveItem>(parent.Dropped);
        foreach (var drop in materialized.Dropped)
        {
            var before = byId[drop.ItemId];
            dropped.Add(before with { Changes = [.. before.Changes, new(bodyId, "dropped", before.Item.Heading, null, drop.Reason)] });
        }

        return new EffectivePlan(bodyId, parent.Year, stamp, parent.OriginBodyId, parent.Title, parent.DocNumber, items, dropped, conflicts);
    }


    private static PlanItemData FromDomain(PlanItem item, int depth) => PlanItemData.From(item) with { Depth = depth };

    private static PlanConflict ToConflict(LocalizationIssue issue) => new(
        issue.ItemId ?? "",
        issue.Code switch
        {
            "deadline-later-than-parent" or "deadline-index-unknown" => "deadline",
            "unknown-item" => "item",
            "duplicate-id" or "anchor-unknown" => "added",
            _ => issue.Code,
        },
        issue.Message);

    /// <summary>A stored change with its merge base, in the domain's terms.</summary>
    private static RecordedBase? ToBase(RecordedChange recorded) =>
        recorded.Change.ToDomain() is { } change
            ? new RecordedBase(change, recorded.FromUnits is { } units ? [.. units] : null, recorded.FromHeading, recorded.FromText, recorded.FromItem?.ToDomain())
            : null;

    private static PlanConflict ToConflict(MergeConflict conflict) => new(
        conflict.ItemId,
        conflict.Kind switch
        {
            ConflictKind.ParentChangedUnits => "units",
            ConflictKind.ParentReworded => "text",
            ConflictKind.DeadlineNowLaterThanParent or ConflictKind.ParentChangedDeadlines or ConflictKind.ExceptionNeedsReview => "deadline",
            _ => "item",
        },
        conflict.Message);
}
