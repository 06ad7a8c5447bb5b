using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>
/// Aligns a child plan (written independently by a lower body) with its parent plan: which child
/// item carries out which parent item(s), what changed, what was dropped and what was added.
/// </summary>
/// <remarks>
/// Steps: (1) split both plans into top sections and leaf items (<see cref="PlanTiers"/>); (2) weigh
/// character bigrams/trigrams by IDF over both documents (<see cref="GramSpace"/>); (3) score every
/// child × parent pair from wording, sentence reuse, headings, structure, deadlines and units
/// (<see cref="PairFeatures"/>); (4) link pairs by a global one-to-one assignment plus thresholded extra
/// links for merges and splits (<see cref="LinkSelector"/>); (5) classify each pair and compare deadlines.
/// Sections and leaf items are aligned separately. Pure and deterministic: no I/O, no clock.
/// </remarks>
public static class DocumentAligner
{
    /// <param name="cancellation">Checked in the loops whose cost grows with both documents (a server
    /// stops aligning when its client goes away).</param>
    public static AlignmentResult Align(PlanDocument parent, PlanDocument child, AlignmentOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        options ??= AlignmentOptions.Default;

        var (parentSections, parentLeaves) = PlanTiers.Profile(parent);
        var (childSections, childLeaves) = PlanTiers.Profile(child);
        var space = GramSpace.Build(
            parentLeaves.Concat(childLeaves).SelectMany(p => p.SegmentTexts)
                .Concat(parentSections.Concat(childSections).Select(s => AlignmentText.ForMatching(s.Item.Heading))));
        foreach (var profile in parentSections.Concat(childSections).Concat(parentLeaves).Concat(childLeaves))
        {
            Vectorize(profile, space);
        }

        cancellation.ThrowIfCancellationRequested();
        var leafFeatures = PairScorer.Score(childLeaves, parentLeaves, space.Count, cancellation);
        var leafLinks = LinkSelector.Select(leafFeatures, options, cancellation);
        var pairs = PairBuilder.Build(childLeaves, parentLeaves, leafFeatures, leafLinks, child.Year, parent.Year, options);

        cancellation.ThrowIfCancellationRequested();
        var sectionFeatures = PairScorer.Score(childSections, parentSections, space.Count, cancellation);
        var sectionLinks = LinkSelector.Select(sectionFeatures, options, cancellation);
        var sections = PairBuilder.Build(childSections, parentSections, sectionFeatures, sectionLinks, child.Year, parent.Year, options);

        var linkedParents = leafLinks.Select(l => l.Parent).ToHashSet();
        var linkedChildren = leafLinks.Select(l => l.Child).ToHashSet();
        var dropped = parentLeaves.Where((_, p) => !linkedParents.Contains(p)).Select(p => p.Item).ToList();
        var added = childLeaves.Where((_, c) => !linkedChildren.Contains(c)).Select(c => c.Item).ToList();
        var coverage = parentLeaves.Count == 0 ? 0 : (double)linkedParents.Count / parentLeaves.Count;

        return new AlignmentResult(
            parent,
            child,
            pairs,
            sections,
            dropped,
            added,
            Math.Round(coverage, 3),
            EscalationIndex.Compute(pairs, added, childLeaves.Count),
            parentLeaves.Count,
            childLeaves.Count);
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
