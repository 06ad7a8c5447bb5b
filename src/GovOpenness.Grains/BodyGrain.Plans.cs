using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Grains.Rules;
using GovOpenness.Grains.State;

namespace GovOpenness.Grains;

public sealed partial class BodyGrain
{
    /// <summary>What this body last received from its parent, per year (memory only).</summary>
    private readonly Dictionary<int, PlanDelivery> _fromParent = [];

    /// <summary>This body's materialized plan per year (memory only, derived again when lost).</summary>
    private readonly Dictionary<int, EffectivePlan> _effective = [];

    public async Task<CommandResult<EffectivePlan>> PublishPlanAsync(PublishPlanCommand command)
    {
        if (await GetInfoAsync() is null)
        {
            return CommandResult<EffectivePlan>.Fail(FailureKind.NotFound, $"机构“{Id}”不存在");
        }

        if (PublishChecks.Check(command) is { } error)
        {
            return CommandResult<EffectivePlan>.Fail(FailureKind.Invalid, error);
        }

        await EnsureLoadedAsync();
        if (command.IfMatch is { } expected && await StaleAsync(command.Year, expected) is { } stale)
        {
            return CommandResult<EffectivePlan>.Fail(FailureKind.Conflict, stale);
        }

        if (_plans.State.Years.GetValueOrDefault(command.Year) is { Own: { } current } same && SameContent(current, command with { IfMatch = null }))
        {
            // A retried or repeated publication: the version stays, nothing is written again; what the
            // first attempt may not have finished (history entry, delivery, milestone) is finished now.
            await FinishRetriedIssueAsync(command.Year, PlanMilestoneKind.Published);
            return CommandResult<EffectivePlan>.Ok(PlanDerivation.FromOwn(Id, current, same.OwnVersion));
        }

        await BeforeFirstIssueWriteAsync();
        return await StoredOrLeaveAsync(async () =>
        {
            var year = YearOf(command.Year);
            year.Own = command with { IfMatch = null };
            year.OwnVersion++;
            year.Policy = command.DescendantPolicy;
            year.Changes = [];
            year.Conflicts = [];
            var plan = PlanDerivation.FromOwn(Id, command, year.OwnVersion);
            await IssueDurablyAsync(command.Year, plan, PlanMilestoneKind.Published);
            return CommandResult<EffectivePlan>.Ok(plan);
        });
    }

    public async Task<CommandResult<LocalizeResult>> LocalizeAsync(LocalizeCommand command)
    {
        if (await GetInfoAsync() is not { ParentId: not null })
        {
            return CommandResult<LocalizeResult>.Fail(FailureKind.NotFound, $"机构“{Id}”不存在或没有上级，无法本地化上级计划");
        }

        await EnsureLoadedAsync();
        if (_plans.State.Years.GetValueOrDefault(command.Year)?.Own is not null)
        {
            return CommandResult<LocalizeResult>.Fail(FailureKind.Conflict, $"“{Id}”已发布本级自己的{command.Year}年计划，不能再对上级计划作本地化");
        }

        await RefreshAsFollowingLeafAsync(command.Year);
        if (await GetParentDeliveryAsync(command.Year) is not { } fromParent)
        {
            return CommandResult<LocalizeResult>.Fail(FailureKind.NotFound, $"“{Id}”的上级尚未发布{command.Year}年计划");
        }

        if (command.IfMatch is { } expected && await StaleAsync(command.Year, expected) is { } stale)
        {
            return CommandResult<LocalizeResult>.Fail(FailureKind.Conflict, stale);
        }

        var (changes, errors, warnings) = LocalizeRequestCheck.Check(fromParent.Plan, command, _calendar);
        if (errors.Count > 0)
        {
            return CommandResult<LocalizeResult>.Fail(FailureKind.Invalid, $"“{Id}”{command.Year}年计划的本地化有误：" + string.Join("；", errors));
        }

        if (_plans.State.Years.GetValueOrDefault(command.Year) is { LocalRevision: > 0 } unchanged
            && SameContent(unchanged.Changes, changes) && SameContent(unchanged.Policy, command.Policy))
        {
            // The same localization again (a retry): same revision, no write; what the first attempt may
            // not have finished (history entry, delivery, milestones) is finished now.
            await FinishRetriedIssueAsync(command.Year, PlanMilestoneKind.Localized);
            return CommandResult<LocalizeResult>.Ok(new LocalizeResult(Derive(command.Year, fromParent), warnings));
        }

        await BeforeFirstIssueWriteAsync();
        return await StoredOrLeaveAsync(async () =>
        {
            var year = YearOf(command.Year);
            year.Changes = [.. changes];
            year.Policy = command.Policy;
            year.LocalRevision++;
            var plan = Derive(command.Year, fromParent);
            year.BasedOnStamp = fromParent.Plan.Stamp;
            year.Conflicts = [.. plan.Conflicts];

            // A localized plan is the body's own issue to its subtree: localized and published at once.
            await IssueDurablyAsync(command.Year, plan, PlanMilestoneKind.Localized, PlanMilestoneKind.Published);
            return CommandResult<LocalizeResult>.Ok(new LocalizeResult(plan, warnings));
        });
    }

    /// <summary>Why a write based on <paramref name="expected"/> is stale (checked inside the write's turn), or null.</summary>
    private async Task<string?> StaleAsync(int year, string expected)
    {
        var current = (await GetEffectiveAsync(year))?.Stamp;
        return current == expected ? null : PlanVersions.Describe(Id, year, expected, current);
    }

    public async Task<CommandResult<EffectivePlan>> GetPlanAsync(int year)
    {
        if (await GetInfoAsync() is null)
        {
            return CommandResult<EffectivePlan>.Fail(FailureKind.NotFound, $"机构“{Id}”不存在");
        }

        return await GetEffectiveAsync(year) is { } plan
            ? CommandResult<EffectivePlan>.Ok(plan)
            : CommandResult<EffectivePlan>.Fail(FailureKind.NotFound, $"“{Id}”没有{year}年的计划：本级和上级都未发布");
    }

    public async Task<CommandResult<PlanDiff>> GetDiffAsync(int year)
    {
        var result = await GetPlanAsync(year);
        if (result.Value is not { } plan)
        {
            return CommandResult<PlanDiff>.Fail(result.Failure, result.Error!);
        }

        return CommandResult<PlanDiff>.Ok(PlanDiff.Of(plan, ParentId));
    }

    public async Task<PlanDelivery?> GetDeliveryForChildAsync(int year)
    {
        if (await GetEffectiveAsync(year) is not { } plan)
        {
            return null;
        }

        var policy = _plans.State.Years.GetValueOrDefault(year)?.Policy ?? _fromParent.GetValueOrDefault(year)?.Policy;
        return new PlanDelivery(year, plan, policy);
    }

    public async Task<IReadOnlyList<string>> GetRebaseHistoryAsync(int year)
    {
        await EnsureLoadedAsync();
        return [.. _plans.State.Years.GetValueOrDefault(year)?.RebaseHistory ?? []];
    }

    /// <summary>This body's plan for a year: its own document, or derived from its parent's.</summary>
    private async Task<EffectivePlan?> GetEffectiveAsync(int year)
    {
        await RefreshAsFollowingLeafAsync(year);
        if (_effective.TryGetValue(year, out var cached))
        {
            return cached;
        }

        await EnsureLoadedAsync();
        if (_plans.State.Years.GetValueOrDefault(year) is { Own: { } own } mine)
        {
            return _effective[year] = PlanDerivation.FromOwn(Id, own, mine.OwnVersion);
        }

        return await GetParentDeliveryAsync(year) is { } fromParent ? Derive(year, fromParent) : null;
    }

    /// <summary>The parent's plan: as delivered, or pulled from the parent (after a restart).</summary>
    private async Task<PlanDelivery?> GetParentDeliveryAsync(int year)
    {
        if (_fromParent.TryGetValue(year, out var delivery))
        {
            return delivery;
        }

        if (ParentId is not { } parentId || await Peer(parentId).GetDeliveryForChildAsync(year) is not { } pulled)
        {
            return null;
        }

        // A delivery may have arrived while the pull was under way; the delivered one is at least as new.
        if (_fromParent.TryGetValue(year, out var delivered))
        {
            return delivered;
        }

        await AcceptFromParentAsync(pulled);
        return pulled;
    }

    /// <summary>
    /// A leaf that holds nothing is not called by its parent's deliveries (<see cref="FollowingLeaves"/>):
    /// what it pulled earlier may be outdated, so each read asks the parent for its current version.
    /// </summary>
    private async Task RefreshAsFollowingLeafAsync(int year)
    {
        if (!_fromParent.TryGetValue(year, out var had) || ChildIds.Any() || ParentId is not { } parentId)
        {
            return;
        }

        await EnsureLoadedAsync();
        if (_plans.State.Years.Count > 0 || _profile.State.Name is not null)
        {
            return;
        }

        if (await Peer(parentId).GetDeliveryForChildAsync(year) is { } current && current.Plan.Stamp != had.Plan.Stamp
            && ReferenceEquals(_fromParent.GetValueOrDefault(year), had))
        {
            _fromParent[year] = current;
            _effective.Remove(year);
        }
    }

    private EffectivePlan Derive(int year, PlanDelivery fromParent)
    {
        var mine = _plans.State.Years.GetValueOrDefault(year);
        var plan = PlanDerivation.Derive(Id, fromParent.Plan, mine?.Policy ?? fromParent.Policy, mine?.Changes ?? [], mine?.LocalRevision ?? 0, _calendar);
        _effective[year] = plan;
        return plan;
    }

    /// <summary>Equal as stored: the JSON the state serializer writes is the same.</summary>
    private static bool SameContent<T>(T stored, T incoming) =>
        System.Text.Json.JsonSerializer.Serialize(stored, Storage.SystemTextJsonStateSerializer.Options)
        == System.Text.Json.JsonSerializer.Serialize(incoming, Storage.SystemTextJsonStateSerializer.Options);

    private YearPlan YearOf(int year)
    {
        if (!_plans.State.Years.TryGetValue(year, out var plan))
        {
            _plans.State.Years[year] = plan = new YearPlan();
        }

        return plan;
    }
}
