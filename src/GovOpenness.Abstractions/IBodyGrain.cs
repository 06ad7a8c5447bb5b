using GovOpenness.Abstractions.Bodies;
using GovOpenness.Abstractions.Plans;
using Orleans.Concurrency;

namespace GovOpenness.Abstractions;

/// <summary>
/// One administrative body ("cn", "14", "141181", "14.sthj"): the commands and reads its callers use
/// (the web API, tools). Bodies talk to each other through <see cref="IBodyDeliveryGrain"/>; tests and
/// operators watch deliveries through <see cref="IBodyDiagnosticsGrain"/>. One grain implements all three.
/// Calls that wait on other bodies go downward only; reads interleave so they never wait behind the
/// body's own work.
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

    /// <summary>Adds this body as a department under an existing parent (called on the department).</summary>
    [Alias("RegisterDepartment")]
    Task<CommandResult<BodyInfo>> RegisterDepartmentAsync(DepartmentRegistration registration);

    /// <summary>Publishes this body's own plan for a year and delivers it durably to the whole subtree.</summary>
    [Alias("PublishPlan")]
    Task<CommandResult<EffectivePlan>> PublishPlanAsync(PublishPlanCommand command);

    /// <summary>Localizes the parent's plan for a year and delivers the result to the whole subtree.</summary>
    [Alias("Localize")]
    Task<CommandResult<LocalizeResult>> LocalizeAsync(LocalizeCommand command);

    /// <summary>The plan as it applies here, each item with its origin and what changed.</summary>
    [Alias("GetPlan"), AlwaysInterleave]
    Task<CommandResult<EffectivePlan>> GetPlanAsync(int year);

    /// <summary>
    /// The plan as it applied here at an instant: this body's own version then, on its parent's plan as it
    /// stood then. NotFound when neither had a plan for the year by that instant.
    /// </summary>
    [Alias("GetPlanAsOf"), AlwaysInterleave]
    Task<CommandResult<EffectivePlan>> GetPlanAsOfAsync(int year, DateTimeOffset asOf);

    /// <summary>What this body changed against its parent's plan.</summary>
    [Alias("GetDiff"), AlwaysInterleave]
    Task<CommandResult<PlanDiff>> GetDiffAsync(int year);
}
