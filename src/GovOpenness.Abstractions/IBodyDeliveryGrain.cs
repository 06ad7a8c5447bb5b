using GovOpenness.Abstractions.Bodies;
using GovOpenness.Abstractions.Plans;
using Orleans.Concurrency;

namespace GovOpenness.Abstractions;

/// <summary>
/// The protocol between a body and its parent and children: delivering plan versions down the tree,
/// acknowledging them up, and keeping the hierarchy's bookkeeping (departments, children with state,
/// ancestry). Only body grains and the outbox registry call it; it is not a command for users.
/// </summary>
[Alias("gov.IBodyDeliveryGrain")]
public interface IBodyDeliveryGrain : IGrainWithStringKey
{
    /// <summary>This body's id and every ancestor's, bottom up (for cycle checks).</summary>
    [Alias("GetAncestry"), AlwaysInterleave]
    Task<IReadOnlyList<string>> GetAncestryAsync();

    /// <summary>Records a new department child (called by the department on its parent).</summary>
    [Alias("AttachDepartment")]
    Task AttachDepartmentAsync(string childId);

    /// <summary>
    /// Records that a child keeps state of its own, so deliveries know to load it; answers once stored. Interleaves:
    /// the notes of children issuing at once share one write of the profile (a group commit).
    /// </summary>
    [Alias("NoteChildState"), AlwaysInterleave]
    Task NoteChildStateAsync(string childId);

    /// <summary>What a child receives from this body for a year (a child pulls it after a restart).</summary>
    [Alias("GetDeliveryForChild"), AlwaysInterleave]
    Task<PlanDelivery?> GetDeliveryForChildAsync(int year);

    /// <summary>What a child received from this body for a year as it stood at an instant (null: nothing then).</summary>
    [Alias("GetDeliveryAsOf"), AlwaysInterleave]
    Task<PlanDelivery?> GetDeliveryAsOfAsync(int year, DateTimeOffset asOf);

    /// <summary>
    /// A parent delivers a plan version. Idempotent by the plan's stamp. Returns true when this body's
    /// whole subtree already has it; otherwise this body acknowledges later through
    /// <see cref="AcknowledgeAsync"/> on its parent.
    /// </summary>
    [Alias("Deliver")]
    Task<bool> DeliverAsync(PlanDelivery delivery, bool hasState);

    /// <summary>A child reports that its whole subtree has the version this body delivered.</summary>
    [Alias("Acknowledge"), OneWay]
    Task AcknowledgeAsync(int year, string stamp, string childId);

    /// <summary>Restarts deliveries recorded in this body's outbox that have not completed.</summary>
    [Alias("ResumeDeliveries")]
    Task ResumeDeliveriesAsync();
}
