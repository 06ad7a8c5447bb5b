using GovOpenness.Grains.State;

namespace GovOpenness.Grains.Rules;

/// <summary>Which version of a body's own part of a plan was in force at an instant.</summary>
internal static class PlanAsOf
{
    /// <summary>
    /// The last version that took effect at or before <paramref name="asOf"/>; null when the body had
    /// decided nothing of its own by then. A year with a current plan but no history at all was written
    /// before versions were kept: its current state is the only version known, taken as always in force.
    /// </summary>
    public static PlanVersionEntry? VersionAt(IReadOnlyList<PlanVersionEntry>? history, YearPlan? current, DateTimeOffset asOf)
    {
        if (history is not { Count: > 0 })
        {
            return current is null ? null : PlanVersionEntry.Of(current, DateTimeOffset.MinValue);
        }

        return history.LastOrDefault(e => e.At <= asOf);
    }
}
