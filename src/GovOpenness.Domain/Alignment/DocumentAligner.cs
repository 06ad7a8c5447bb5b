using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Aligns a child plan (written independently by a lower body) with its parent plan: which child
/// item carries out which parent item(s), what changed, what was dropped and what was added.
/// </summary>
/// <remarks>
/// Steps: (1) split both plans into top sections, sub-sections and leaf items (<see cref="PlanTiers"/>); (2) weigh
/// character bigrams/trigrams by IDF over both documents (<see cref="GramSpace"/>); (3) score every
/// child × parent pair (for documents of thousands of items, each item's nearest candidates: <see cref="CandidatePairs"/>) from wording, sentence reuse, headings, structure, deadlines and units
/// (<see cref="PairFeatures"/>); (4) link pairs by a global one-to-one assignment plus thresholded extra
/// links for merges and splits (<see cref="LinkSelector"/>); (5) classify each pair and compare deadlines.
/// Each tier (sections, sub-sections, leaf items) is aligned separately, and each reports its pairs, its
/// dropped parent items and its added child items. Pure and deterministic: no I/O, no clock.
/// </remarks>
public static class DocumentAligner
{
    /// <param name="cancellation">Checked in the loops whose cost grows with both documents (a server
    /// stops aligning when its client goes away).</param>
    public static AlignmentResult Align(PlanDocument parent, PlanDocument child, AlignmentOptions? options = null, CancellationToken cancellation = default) =>
        Align(parent, child, [], options, cancellation);

    /// <summary>
    /// Aligns as above, then applies a person's corrections to the leaf pairs (checked first with
    /// <see cref="PairCorrection.Problem"/>): a corrected child item is linked to the parent item named,
    /// or to none; the pairs are then classified, and dropped and added items listed, as for the
    /// aligner's own links.
    /// </summary>
    public static AlignmentResult Align(PlanDocument parent, PlanDocument child, IReadOnlyList<PairCorrection> corrections, AlignmentOptions? options = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        options ??= AlignmentOptions.Default;

        var parentTiers = PlanTiers.Profile(parent);
        var childTiers = PlanTiers.Profile(child);
        var (parentLeaves, childLeaves) = (parentTiers.Leaves, childTiers.Leaves);
        var space = GramSpace.Build(
            parentLeaves.Concat(childLeaves).SelectMany(p => p.SegmentTexts)
                .Concat(parentTiers.Groups.Concat(childTiers.Groups).Select(s => AlignmentText.ForMatching(s.Item.Heading))));
        foreach (var profile in parentTiers.All.Concat(childTiers.All))
        {
            Vectorize(profile, space);
        }

        cancellation.ThrowIfCancellationRequested();
        var leaves = AlignTier(childLeaves, parentLeaves, space, child.Year, parent.Year, options, cancellation, corrections);
        var sections = AlignTier(childTiers.Sections, parentTiers.Sections, space, child.Year, parent.Year, options, cancellation, []);
        var subsections = AlignTier(childTiers.Subsections, parentTiers.Subsections, space, child.Year, parent.Year, options, cancellation, []);

        var coverage = parentLeaves.Count == 0 ? 0 : (double)(parentLeaves.Count - leaves.Dropped.Count) / parentLeaves.Count;

        return new AlignmentResult(
            parent,
            child,
            leaves.Pairs,
            sections.Pairs,
            leaves.Dropped,
            leaves.Added,
            Math.Round(coverage, 3),
            EscalationIndex.Compute(leaves.Pairs, leaves.Added, childLeaves.Count),
            parentLeaves.Count,
            childLeaves.Count)
        {
            SectionsDropped = sections.Dropped,
            SectionsAdded = sections.Added,
            Subsections = subsections.Pairs,
            SubsectionsDropped = subsections.Dropped,
            SubsectionsAdded = subsections.Added,
        };
    }

    /// <summary>Pairs one tier of the child with the same tier of the parent; what stays unlinked is dropped or added.</summary>
    private static TierAlignment AlignTier(
        IReadOnlyList<ItemProfile> children,
        IReadOnlyList<ItemProfile> parents,
        GramSpace space,
        int childYear,
        int parentYear,
        AlignmentOptions options,
        CancellationToken cancellation,
        IReadOnlyList<PairCorrection> corrections)
    {
        cancellation.ThrowIfCancellationRequested();
        var candidates = CandidatePairs.Choose(children, parents, space, options.ScoreEveryPairUpTo, cancellation);
        var features = PairScorer.Score(children, parents, candidates, space.Count, cancellation);

        // A person's corrections replace the links of the tasks they name; a corrected pair that was not a
        // candidate (only in documents too large to score every pair) is built with no scored evidence.
        var links = Corrected(LinkSelector.Select(features, options, cancellation), children, parents, corrections);
        var pairs = PairBuilder.Build(children, parents, features, links, childYear, parentYear, options);
        var linkedParents = links.Select(l => l.Parent).ToHashSet();
        var linkedChildren = links.Select(l => l.Child).ToHashSet();
        return new TierAlignment(
            pairs,
            [.. parents.Where((_, p) => !linkedParents.Contains(p)).Select(p => p.Item)],
            [.. children.Where((_, c) => !linkedChildren.Contains(c)).Select(c => c.Item)]);
    }

    /// <summary>The links with each corrected child's links replaced by the one the correction names (or none).</summary>
    private static IReadOnlyList<(int Child, int Parent)> Corrected(
        IReadOnlyList<(int Child, int Parent)> links, IReadOnlyList<ItemProfile> children, IReadOnlyList<ItemProfile> parents, IReadOnlyList<PairCorrection> corrections)
    {
        if (corrections.Count == 0)
        {
            return links;
        }

        var childIndex = Index(children);
        var parentIndex = Index(parents);
        var corrected = corrections.Where(c => childIndex.ContainsKey(c.ChildItemId)).ToList();
        var replaced = corrected.Select(c => childIndex[c.ChildItemId]).ToHashSet();
        return
        [
            .. links.Where(l => !replaced.Contains(l.Child)),
            .. corrected.Where(c => c.ParentItemId is not null && parentIndex.ContainsKey(c.ParentItemId))
                .Select(c => (childIndex[c.ChildItemId], parentIndex[c.ParentItemId!])),
        ];
    }

    private static Dictionary<string, int> Index(IReadOnlyList<ItemProfile> profiles)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Count; i++)
        {
            index.TryAdd(profiles[i].Item.Id, i);
        }

        return index;
    }

    private static void Vectorize(ItemProfile profile, GramSpace space)
    {
        profile.Clauses = [.. profile.ClauseTexts.Select(text =>
        {
            var (ids, idf) = space.DistinctGrams(text);
            return new Clause(ids, idf, idf.Sum(), text.Length);
        })];
        profile.Vector = space.Vectorize(profile.MatchingText);
        profile.GramIds = profile.Vector.Ids;
        profile.HeadingVector = space.Vectorize(AlignmentText.ForMatching(profile.Item.Heading));
        profile.SectionVector = space.Vectorize(profile.SectionHeading);
    }
}
