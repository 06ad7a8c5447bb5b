namespace GovOpenness.Abstractions;

/// <summary>What happened to a body's plan for a year, as the body grain tells its progress grain.</summary>
[GenerateSerializer, Alias("gov.PlanMilestoneKind")]
public enum PlanMilestoneKind
{
    /// <summary>The parent's plan reached the body (delivered, or pulled after a restart).</summary>
    Received = 0,

    /// <summary>The body settled its localization of the parent's plan.</summary>
    Localized = 1,

    /// <summary>The body issued its own plan (its own document, or its localized version).</summary>
    Published = 2,

    /// <summary>
    /// The body's plan reached its leaf children that hold nothing of their own: delivered to them as a
    /// group, without activating each (a township's villages). Noted at the parent, which counts them.
    /// </summary>
    LeavesReceived = 3,

    /// <summary>
    /// <see cref="Received"/> and <see cref="LeavesReceived"/> in one note: a body whose children are all
    /// such leaves (a township's villages) stores one note per delivery, not two in a row.
    /// </summary>
    ReceivedWithLeaves = 4,
}
