using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Workspace;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Localization;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Rules;
using GovOpenness.Grains.State;

namespace GovOpenness.Grains.Workspace;

/// <summary>
/// A body's draft localization for one year ("{bodyId}/{year}"). A shell around the localization rules:
/// a save is checked exactly as a localization is (<see cref="LocalizeRequestCheck"/>, the domain's
/// <see cref="LocalizationValidator"/>) plus the draft's own rule that an exception carries a reason
/// (<see cref="DeadlineException"/>); publishing hands the changes to the body grain's LocalizeAsync,
/// the one path by which anything reaches the children.
/// </summary>
[GrainType("plan-draft")]
public sealed class PlanDraftGrain(
    [PersistentState("plan-draft", StorageNames.Plans)] IPersistentState<PlanDraftState> draft,
    TimeProvider time) : Grain, IPlanDraftGrain
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.China;

    /// <summary>The policy the parent hands down with its plan (read with the plan).</summary>
    private LocalizationPolicyData? _policyFromParent;

    private string BodyId => this.GetPrimaryKeyString().Split('/')[0];

    private int Year => int.Parse(this.GetPrimaryKeyString().Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);

    public async Task<CommandResult<DraftView>> GetAsync(DateOnly today)
    {
        var (parent, problem) = await ParentPlanAsync();
        if (parent is null)
        {
            return CommandResult<DraftView>.Fail(problem!.Value.Kind, problem.Value.Error);
        }

        var state = draft.State;
        var changes = state.Published ? [] : state.Changes;
        var (_, errors, warnings, preview) = Check(parent, changes, state.Published ? null : state.Policy, today);
        return CommandResult<DraftView>.Ok(View(parent, preview, [.. errors.Select(e => "须修改：" + e), .. warnings], today));
    }

    public async Task<CommandResult<DraftView>> SaveAsync(SaveDraftCommand command)
    {
        var (parent, problem) = await ParentPlanAsync();
        if (parent is null)
        {
            return CommandResult<DraftView>.Fail(problem!.Value.Kind, problem.Value.Error);
        }

        if (command.IfVersion is { } expected && expected != draft.State.Version)
        {
            return CommandResult<DraftView>.Fail(FailureKind.Conflict,
                $"“{BodyId}”{Year}年的草稿已被他人修改（您依据的是第{expected}版，现为第{draft.State.Version}版）：请重新打开草稿再保存");
        }

        var reasonErrors = command.Changes
            .Select(c => c.Change.ToDomain() is TightenDeadline t ? DeadlineException.Problem(t, c.ExceptionReason)
                : c.ExceptionReason is null ? null : $"事项{c.Change.ItemId}：例外理由只用于调整时限")
            .OfType<string>().ToList();
        var (_, errors, warnings, preview) = Check(parent, command.Changes, command.Policy, command.Today);
        if (reasonErrors.Count + errors.Count > 0)
        {
            return CommandResult<DraftView>.Fail(FailureKind.Invalid, $"“{BodyId}”{Year}年的草稿有误，未保存：" + string.Join("；", reasonErrors.Concat(errors)));
        }

        draft.State = new PlanDraftState
        {
            Version = draft.State.Version + 1,
            Changes = [.. command.Changes],
            Policy = command.Policy,
            SavedAt = time.GetUtcNow(),
            SavedBy = command.Account,
        };
        await draft.WriteStateAsync();
        return CommandResult<DraftView>.Ok(View(parent, preview, warnings, command.Today));
    }

    public async Task<CommandResult<LocalizeResult>> PublishAsync(DateOnly today, int? ifVersion)
    {
        if (ifVersion is { } expected && expected != draft.State.Version)
        {
            return CommandResult<LocalizeResult>.Fail(FailureKind.Conflict,
                $"“{BodyId}”{Year}年的草稿已被他人修改（您看到的是第{expected}版，现为第{draft.State.Version}版）：请重新核对后再发布");
        }

        var changes = draft.State.Published ? [] : draft.State.Changes;
        var command = new LocalizeCommand(Year, [.. changes.Select(c => c.Change)], draft.State.Published ? null : draft.State.Policy, today);
        var result = await GrainFactory.GetGrain<IBodyGrain>(BodyId).LocalizeAsync(command);
        if (result.Succeeded && draft.State.Version > 0 && !draft.State.Published)
        {
            draft.State.Published = true;
            await draft.WriteStateAsync();
        }

        return result;
    }

    /// <summary>The parent's plan as it reaches this body (policy applied), or why there is none to localize.</summary>
    private async Task<(EffectivePlan? Plan, (FailureKind Kind, string Error)? Problem)> ParentPlanAsync()
    {
        var body = GrainFactory.GetGrain<IBodyGrain>(BodyId);
        if (await body.GetInfoAsync() is not { ParentId: { } parentId })
        {
            return (null, (FailureKind.NotFound, $"机构“{BodyId}”不存在或没有上级，没有可采用的上级工作要点"));
        }

        if ((await body.GetPlanAsync(Year)).Value is { } own && own.OriginBodyId == BodyId)
        {
            return (null, (FailureKind.Conflict, $"“{BodyId}”已发布本级自己的{Year}年工作要点，不能再起草对上级要点的调整"));
        }

        if (await GrainFactory.GetGrain<IBodyDeliveryGrain>(parentId).GetDeliveryForChildAsync(Year) is not { } delivery)
        {
            return (null, (FailureKind.NotFound, $"“{BodyId}”的上级尚未发布{Year}年工作要点"));
        }

        _policyFromParent = delivery.Policy;
        return (delivery.Plan, null);
    }

    private (IReadOnlyList<RecordedChange> Changes, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, EffectivePlan Preview) Check(
        EffectivePlan parent, IReadOnlyList<DraftChange> changes, LocalizationPolicyData? policy, DateOnly today)
    {
        var command = new LocalizeCommand(Year, [.. changes.Select(c => c.Change)], policy, today);
        var (recorded, errors, warnings) = LocalizeRequestCheck.Check(parent, command, _calendar);
        var preview = PlanDerivation.Derive(BodyId, parent, policy ?? _policyFromParent, errors.Count == 0 ? recorded : [], 0, _calendar);
        return (recorded, errors, warnings, preview);
    }

    private DraftView View(EffectivePlan parent, EffectivePlan preview, IReadOnlyList<string> warnings, DateOnly today)
    {
        var state = draft.State;
        var rooms = DeadlineException.Spans(parent.ToPublishedPlan(), _calendar, today)
            .Select(s => new DeadlineRoom(s.ItemId, s.DeadlineIndex, s.ParentDate, s.WorkingDaysLeft)).ToList();
        var diff = PlanDiff.Of(preview, parent.BodyId);
        var stateName = state.Version == 0 ? "none" : state.Published ? "published" : "draft";
        return new DraftView(BodyId, Year, state.Version, stateName, state.Published ? [] : state.Changes, state.Policy,
            state.SavedAt, state.SavedBy, parent, preview, diff, warnings, rooms);
    }
}
