using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Tests.Alignment;

/// <summary>
/// Documents of thousands of items are aligned through each item's nearest candidates instead of every
/// pair (issue 16): the links must be the ones scoring every pair finds.
/// </summary>
public sealed class LargeDocumentTests
{
    [Fact]
    public void Nearest_candidates_link_the_same_pairs_as_scoring_every_pair()
    {
        // The five real plans (128 items) twice over on each side, in different orders: 256 items a side.
        // Each item has two identical copies on the other side, the hard case for choosing a few
        // candidates. Every tier above 1,000 pairs goes through the nearest candidates (the default limit,
        // 65,536 pairs, is for documents far larger than a test should align twice).
        var parent = Combine(["001", "003", "004", "000", "002"]);
        var child = Combine(["002", "000", "004", "001", "003"]);
        Assert.True(Math.Min(parent.Items.Count, child.Items.Count) > 4 * CandidatePairs.PerItem);

        var nearest = DocumentAligner.Align(parent, child, AlignmentOptions.Default with { ScoreEveryPairUpTo = 1_000 });
        var everyPair = DocumentAligner.Align(parent, child, AlignmentOptions.Default with { ScoreEveryPairUpTo = int.MaxValue });

        Assert.Equal(Links(everyPair), Links(nearest));
        Assert.Equal(everyPair.Dropped.Select(i => i.Id), nearest.Dropped.Select(i => i.Id));
        Assert.Equal(everyPair.Added.Select(i => i.Id), nearest.Added.Select(i => i.Id));
        Assert.Equal(everyPair.Sections.Count, nearest.Sections.Count);
    }

    private static List<string> Links(AlignmentResult result) =>
        [.. result.Pairs.Select(p => $"{p.Child.Id} ← {string.Join("+", p.Parents.Select(x => x.Id))} {p.Change}")];

    /// <summary>One document from several real plans, twice over, item ids kept apart by round and plan.</summary>
    private static PlanDocument Combine(string[] prefixes)
    {
        var plans = prefixes.Select(p => PlanParser.Parse(Seeds.Text(p))).ToList();
        var items = Enumerable.Range(1, 2).SelectMany(round => plans.SelectMany((plan, at) => plan.Items.Select(item => item with { Id = $"{round}-{at + 1}-{item.Id}" })));
        return plans[0] with { Items = [.. items] };
    }
}
