using GovOpenness.Abstractions;

namespace GovOpenness.Grains;

public sealed partial class BodyGrain
{
    /// <summary>
    /// Tells the body's progress grain that its plan for the year was received, localized or published,
    /// so subtree summaries count it. One-way: delivery never waits on progress; the progress grain
    /// keeps each milestone's earliest day, so a re-delivery (e.g. after a restart) is harmless.
    /// </summary>
    private void NoteMilestone(int year, PlanMilestoneKind kind) =>
        _ = GrainFactory.GetGrain<IProgressGrain>(IProgressGrain.Key(Id, year)).NoteMilestoneAsync(kind);
}
