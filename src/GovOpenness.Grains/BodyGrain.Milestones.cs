using Microsoft.Extensions.DependencyInjection;
using GovOpenness.Abstractions;

namespace GovOpenness.Grains;

public sealed partial class BodyGrain
{
    /// <summary>
    /// Tells the body's progress grain that its plan for the year was received, localized or published,
    /// so subtree summaries count it. Through the silo's <see cref="MilestoneRelay"/>: the note is stored
    /// durably before this returns (a silo's death loses none), then sent at a steady pace, so delivery
    /// never waits on progress and a cascade does not wake every progress grain at once. The progress
    /// grain keeps each milestone's earliest day, so a re-delivery (e.g. after a restart) is harmless.
    /// </summary>
    private Task NoteMilestoneAsync(int year, PlanMilestoneKind kind) =>
        ServiceProvider.GetRequiredService<MilestoneRelay>().NoteAsync(Id, year, kind);
}
