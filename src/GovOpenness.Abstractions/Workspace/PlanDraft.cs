using GovOpenness.Abstractions.Plans;

namespace GovOpenness.Abstractions.Workspace;

/// <summary>
/// One change of a draft: the change a localization takes, and for a later deadline the reason the
/// exception (例外) is requested. The reason stays with the draft and goes into the record on publish.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.DraftChange")]
public sealed record DraftChange(
    [property: Id(0)] ItemChange Change,
    [property: Id(1)] string? ExceptionReason = null);

/// <summary>Saving a draft: the whole list of changes (it replaces the previous draft), by whom and on which day.</summary>
/// <param name="IfVersion">The draft version the editor started from (null: no check); a newer stored draft is a conflict.</param>
[GenerateSerializer, Immutable, Alias("gov.SaveDraftCommand")]
public sealed record SaveDraftCommand(
    [property: Id(0)] IReadOnlyList<DraftChange> Changes,
    [property: Id(1)] LocalizationPolicyData? Policy,
    [property: Id(2)] DateOnly Today,
    [property: Id(3)] string? Account,
    [property: Id(4)] int? IfVersion = null);

/// <summary>
/// A body's draft for a year as its editor sees it: the saved changes, the plan they would publish,
/// what they change against the parent and what a supervisor should check. Children see none of it.
/// </summary>
/// <param name="Version">0: nothing saved yet (the parent's plan as is); +1 per save.</param>
/// <param name="Published">The draft's state: "draft" (saved, unpublished), "none" (no draft) or "published".</param>
/// <param name="ParentStamp">The parent's plan version the draft was checked against.</param>
[GenerateSerializer, Immutable, Alias("gov.DraftView")]
public sealed record DraftView(
    [property: Id(0)] string BodyId,
    [property: Id(1)] int Year,
    [property: Id(2)] int Version,
    [property: Id(3)] string State,
    [property: Id(4)] IReadOnlyList<DraftChange> Changes,
    [property: Id(5)] LocalizationPolicyData? Policy,
    [property: Id(6)] DateTimeOffset? SavedAt,
    [property: Id(7)] string? SavedBy,
    [property: Id(8)] EffectivePlan Parent,
    [property: Id(9)] EffectivePlan Preview,
    [property: Id(10)] PlanDiff Diff,
    [property: Id(11)] IReadOnlyList<string> Warnings,
    [property: Id(12)] IReadOnlyList<DeadlineRoom> Deadlines);

/// <summary>
/// What the date picker shows for one dated deadline of a parent item: the parent's date and the
/// working days left until it from today (China's calendar, 调休 included).
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.DeadlineRoom")]
public sealed record DeadlineRoom(
    [property: Id(0)] string ItemId,
    [property: Id(1)] int DeadlineIndex,
    [property: Id(2)] DateOnly ParentDate,
    [property: Id(3)] int WorkingDaysLeft);
