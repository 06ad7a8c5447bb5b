using System.Collections.Immutable;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Records a real child document, written independently, as a localization of its parent's published
/// plan: the same alignment the supervisors read, turned into the changes the cascade stores.
/// </summary>
/// <remarks>
/// Mapping, per aligned pair (child item C carrying parent items P1 (best) … Pn):
/// <list type="bullet">
/// <item>P1 takes C's wording (<see cref="Reword"/>, unless unchanged), C's units (<see cref="SetUnits"/>,
/// when C names any and they differ) and C's earlier date (<see cref="TightenDeadline"/> with the index
/// of the parent deadline the child's sentence matches; a date where the parent had none gets a null
/// index). A later date is recorded too, without an approved exception: the validator reports it and
/// the materializer keeps the parent's date, which is the cascade's rule.</item>
/// <item>Merged: P2 … Pn are dropped with the reason "并入…", unless another child carries them.</item>
/// <item>Split: the child with the best score takes P1; the other children of P1 become local items
/// (<see cref="AddItem"/>, id "L" + child id) placed after P1.</item>
/// <item>Parent leaf items no child carries are dropped ("本级文件未见对应条目"); child items with no parent
/// become local items after the parent item the preceding child item carries.</item>
/// </list>
/// The validator allows one change of a kind per item, so an item whose child moved several dates keeps
/// the earliest (a gap: the other dates stay the parent's).
/// </remarks>
public static class AlignmentToLocalization
{
    /// <summary>Aligns <paramref name="child"/> with the parent's published plan and records it as changes.</summary>
    public static PlanLocalization FromDocument(PublishedPlan parent, PlanDocument child, AlignmentOptions? options = null)
    {
        var parentDocument = new PlanDocument(parent.Title, null, parent.DocNumber, parent.IssueDate, parent.Year, [.. parent.Items], []);
        return Convert(DocumentAligner.Align(parentDocument, child, options), parent);
    }

    /// <summary>The changes that turn the parent's plan into the child's, from an alignment against it.</summary>
    public static PlanLocalization Convert(AlignmentResult alignment, PublishedPlan parent)
    {
        var target = PrimaryChildOfEachParent(alignment.Pairs);
        var changes = new List<LocalizationChange>();
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in alignment.Pairs.OrderBy(p => alignment.Child.Items.ToList().IndexOf(p.Child)))
        {
            var best = pair.Parents[0];
            if (!ReferenceEquals(target.GetValueOrDefault(best.Id), pair))
            {
                changes.Add(LocalItem(pair.Child, best.Id));
                continue;
            }

            changes.AddRange(ChangesOnto(best, pair));
            foreach (var other in pair.Parents.Skip(1).Where(p => !target.ContainsKey(p.Id) && dropped.Add(p.Id)))
            {
                changes.Add(new Drop(other.Id, $"并入本级条目“{pair.Child.Heading.Trim()}”"));
            }
        }

        foreach (var item in alignment.Dropped.Where(i => dropped.Add(i.Id)))
        {
            changes.Add(new Drop(item.Id, "本级文件未见对应条目（自动比对）"));
        }

        var carriedBy = new Dictionary<PlanItem, string>(ReferenceEqualityComparer.Instance);
        foreach (var pair in alignment.Pairs)
        {
            carriedBy[pair.Child] = pair.Parents[0].Id;
        }

        string? anchor = null;
        foreach (var item in alignment.Child.Items)
        {
            if (carriedBy.TryGetValue(item, out var parentId))
            {
                anchor = parentId;
            }
            else if (alignment.Added.Contains(item))
            {
                changes.Add(LocalItem(item, anchor));
            }
        }

        return new PlanLocalization(parent.BodyId, parent.Year, parent.Version, [.. changes],
            alignment.Child.Title, alignment.Child.DocNumber, alignment.Child.IssueDate);
    }

    /// <summary>For each parent item, the pair that takes it over: the best-scoring child whose best parent it is.</summary>
    private static Dictionary<string, AlignedPair> PrimaryChildOfEachParent(IReadOnlyList<AlignedPair> pairs) =>
        pairs.GroupBy(p => p.Parents[0].Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Score).First(), StringComparer.Ordinal);

    private static IEnumerable<LocalizationChange> ChangesOnto(PlanItem parent, AlignedPair pair)
    {
        var child = pair.Child;
        if (!pair.Flags.Contains(AlignmentChange.Unchanged))
        {
            yield return new Reword(parent.Id, child.Heading.Trim(), child.Text);
        }

        if (child.Units.Count > 0 && !child.Units.SequenceEqual(parent.Units))
        {
            yield return new SetUnits(parent.Id, [.. child.Units]);
        }

        var moved = pair.DeadlineShifts
            .Where(s => s.ToDate is not null && s.Direction is ShiftDirection.Tightened or ShiftDirection.Added or ShiftDirection.Loosened)
            .Where(s => s.From is null || parent.Deadlines.Any(d => ReferenceEquals(d, s.From)))
            .OrderBy(s => s.ToDate)
            .FirstOrDefault();
        if (moved is not null)
        {
            var index = moved.From is null ? (int?)null : IndexOf(parent.Deadlines, moved.From);
            yield return new TightenDeadline(parent.Id, moved.ToDate!.Value, ApprovedException: false, DeadlineIndex: index);
        }
    }

    private static AddItem LocalItem(PlanItem child, string? after) =>
        new($"L{child.Id}", after, child.Heading.Trim(), child.Text, [.. child.Deadlines], [.. child.Units]);

    private static int IndexOf(IReadOnlyList<Deadline> deadlines, Deadline deadline)
    {
        for (var i = 0; i < deadlines.Count; i++)
        {
            if (ReferenceEquals(deadlines[i], deadline))
            {
                return i;
            }
        }

        return -1;
    }
}
