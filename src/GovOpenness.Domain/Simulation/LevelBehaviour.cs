using GovOpenness.Domain.Localization;

namespace GovOpenness.Domain.Simulation;

/// <summary>How every body of one level behaves in a scenario.</summary>
/// <param name="IssueDelay">Calendar days from receiving the parent's plan to issuing its own
/// (rolled forward to the next working day: documents are signed on working days).</param>
/// <param name="Deadline">How it sets its deadlines from its parent's: the same policy a body in the grains follows.</param>
/// <param name="Completion">Working days from receipt until an item is done.</param>
/// <param name="LateShare">Share of bodies (0–1) that issue late: they add <paramref name="LateExtraDelay"/>.</param>
/// <param name="LateExtraDelay">Extra calendar days a late body takes.</param>
public sealed record LevelBehaviour(
    Distribution IssueDelay,
    DeadlinePolicy Deadline,
    Distribution Completion,
    double LateShare,
    Distribution LateExtraDelay)
{
    /// <summary>The behaviour of a level the scenario leaves unset (only allowed for the scope's root).</summary>
    public static LevelBehaviour Immediate { get; } = new(
        Distribution.Fixed(0), new AdoptAsIs(), Distribution.Fixed(0), 0, Distribution.Fixed(0));
}
