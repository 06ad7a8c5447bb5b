using System.Collections.Immutable;

namespace GovOpenness.Domain.Progress;

/// <summary>The 考核 ranking of sibling bodies.</summary>
public static class AssessmentRanking
{
    /// <summary>
    /// Ranks bodies by score, then on-time share, then fewer red items, then body id (ordinal), so the
    /// order never depends on input order or dictionary iteration.
    /// </summary>
    public static ImmutableArray<RankedBody> Rank(IEnumerable<(string BodyId, SummaryCounts Counts)> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var scored = bodies.Select(b => (b.BodyId, Score: AssessmentScore.Of(b.Counts))).ToList();
        scored.Sort((a, b) =>
        {
            var c = b.Score.Score.CompareTo(a.Score.Score);
            if (c == 0)
            {
                c = b.Score.OnTimeShare.CompareTo(a.Score.OnTimeShare);
            }

            if (c == 0)
            {
                c = a.Score.OverdueItems.CompareTo(b.Score.OverdueItems);
            }

            return c != 0 ? c : string.CompareOrdinal(a.BodyId, b.BodyId);
        });
        return [.. scored.Select((s, i) => new RankedBody(i + 1, s.BodyId, s.Score))];
    }
}
