using GovOpenness.Abstractions.Bodies;
using GovOpenness.Abstractions.Plans;
using Orleans.Concurrency;

namespace GovOpenness.Abstractions;

/// <summary>
/// One administrative body ("cn", "14", "141181", "14.sthj"): its place in the hierarchy, its plans, and
/// the delivery of its plans to its subtree. Calls that wait on other bodies go downward only; reads
/// that children make of their parent interleave so they never wait behind the parent's own work.
/// </summary>
[Alias("gov.IBodyGrain")]
public interface IBodyGrain : IGrainWithStringKey
{
    /// <summary>The body, its parent, and one page of its children.</summary>
    [Alias("GetView"), AlwaysInterleave]
    Task<CommandResult<BodyView>> GetViewAsync(int skip, int take);

    /// <summary>Who this body is, or null when no such body exists.</summary>
    [Alias("GetInfo"), AlwaysInterleave]
    Task<BodyInfo?> GetInfoAsync();

    /// <summary>This body's id and every ancestor's, bottom up (for cycle checks).</summary>
    [Alias("GetAncestry"), AlwaysInterleave]
    Task<IReadOnlyList<string>> GetAncestryAsync();

    /// <summary>Adds this body as a department under an existing parent (called on the department).</summary>
    [Alias("RegisterDepartment")]
    Task<CommandResult<BodyInfo>> RegisterDepartmentAsync(DepartmentRegistration registration);

    /// <summary>Records a new department child (called by the department on its parent).</summary>
    [Alias("AttachDepartment")]
    Task AttachDepartmentAsync(string childId);

    /// <summary>Records that a child keeps state of its own, so deliveries know to load it.</summary>
    [Alias("NoteChildState")]
    Task NoteChildStateAsync(string childId);

    /// <summary>Publishes this body's own plan for a year and delivers it durably to the whole subtree.</summary>
    [Alias("PublishPlan")]
    Task<CommandResult<EffectivePlan>> PublishPlanAsync(PublishPlanCommand command);

    /// <summary>Localizes the parent's plan for a year and delivers the result to the whole subtree.</summary>
    [Alias("Localize")]
    Task<CommandResult<LocalizeResult>> LocalizeAsync(LocalizeCommand command);

    /// <summary>The plan as it applies here, each item with its origin and what changed.</summary>
    [Alias("GetPlan"), AlwaysInterleave]
    Task<CommandResult<EffectivePlan>> GetPlanAsync(int year);

    /// <summary>What this body changed against its parent's plan.</summary>
    [Alias("GetDiff"), AlwaysInterleave]
    Task<CommandResult<PlanDiff>> GetDiffAsync(int year);

    /// <summary>What a child receives from this body for a year (a child pulls it after a restart).</summary>
    [Alias("GetDeliveryForChild"), AlwaysInterleave]
    Task<PlanDelivery?> GetDeliveryForChildAsync(int year);

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

    /// <summary>How far the delivery of this body's current version has got, or null if none ran here.</summary>
    [Alias("GetDeliveryStatus"), AlwaysInterleave]
    Task<DeliveryStatus?> GetDeliveryStatusAsync(int year);

    /// <summary>Completes once this body's current version for the year has reached its whole subtree.</summary>
    [Alias("WaitForDelivery"), AlwaysInterleave]
    Task<DeliveryStatus?> WaitForDeliveryAsync(int year);

    /// <summary>Restarts deliveries recorded in this body's outbox that have not completed.</summary>
    [Alias("ResumeDeliveries")]
    Task ResumeDeliveriesAsync();

    /// <summary>Stamps of parent versions this body rebased its own changes onto, oldest first.</summary>
    [Alias("GetRebaseHistory"), AlwaysInterleave]
    Task<IReadOnlyList<string>> GetRebaseHistoryAsync(int year);
}
