namespace GovOpenness.Domain.Progress;

/// <summary>
/// Who applies an update, to which body, and on which day. The day comes from an injected clock
/// (<see cref="TimeProvider"/> in the host, read as <see cref="Calendar.ChinaTime.Today"/>): domain code never reads the wall clock.
/// </summary>
/// <param name="BodyId">The body that carries out the item.</param>
/// <param name="ParentBodyId">Its parent, the only body allowed to review; null for the root.</param>
/// <param name="ActorBodyId">The body posting the update.</param>
/// <param name="Today">The current date in China.</param>
public readonly record struct ProgressContext(string BodyId, string? ParentBodyId, string ActorBodyId, DateOnly Today)
{
    /// <summary>The context for an update, taking the actor from the update or, when it names none,
    /// the body for its own steps and the parent for review steps.</summary>
    public static ProgressContext For(ProgressUpdate update, string bodyId, string? parentBodyId, DateOnly today) =>
        new(bodyId, parentBodyId, update.Actor ?? (update.IsReview ? parentBodyId ?? bodyId : bodyId), today);
}
