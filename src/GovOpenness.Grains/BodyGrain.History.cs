using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Rules;
using GovOpenness.Grains.State;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Grains;

/// <summary>
/// The plan as it stood at an earlier instant. Each publish or localization appends the body's own part
/// (<see cref="PlanHistory"/>, a state of its own read only here); the plan then is that version on the
/// parent's plan then, asked of the parent the same way, up to the origin.
/// </summary>
public sealed partial class BodyGrain
{
    private Task EnsureHistoryAsync() => _historyLoading.RunAsync();

    /// <summary>The instant a version takes effect: the clock the plans' dates are read on (virtual in a replay).</summary>
    private DateTimeOffset Now => ServiceProvider.GetRequiredService<ProgressClock>().Time.GetUtcNow();

    /// <summary>Appends the year's current own version, unless it is already the last one (a retry).</summary>
    private async Task RecordVersionAsync(int year)
    {
        await EnsureHistoryAsync();
        var current = _plans.State.Years[year];
        if (!_history.State.Years.TryGetValue(year, out var versions))
        {
            _history.State.Years[year] = versions = [];
        }

        if (versions.Count > 0 && versions[^1].IsVersionOf(current))
        {
            return;
        }

        versions.Add(PlanVersionEntry.Of(current, Now));
        await _history.WriteAsync();
    }

    public async Task<CommandResult<EffectivePlan>> GetPlanAsOfAsync(int year, DateTimeOffset asOf)
    {
        if (await GetInfoAsync() is null)
        {
            return CommandResult<EffectivePlan>.Fail(FailureKind.NotFound, $"机构“{Id}”不存在");
        }

        var chinaTime = asOf.ToOffset(ChinaTime.Offset).ToString("yyyy年M月d日 HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return await GetDeliveryAsOfAsync(year, asOf) is { } then
            ? CommandResult<EffectivePlan>.Ok(then.Plan)
            : CommandResult<EffectivePlan>.Fail(FailureKind.NotFound, $"“{Id}”在{chinaTime}（北京时间）还没有{year}年的计划：本级和上级都未发布");
    }

    public async Task<PlanDelivery?> GetDeliveryAsOfAsync(int year, DateTimeOffset asOf)
    {
        await EnsureLoadedAsync();
        await EnsureHistoryAsync();
        var version = PlanAsOf.VersionAt(_history.State.Years.GetValueOrDefault(year), _plans.State.Years.GetValueOrDefault(year), asOf);
        if (version is { Own: { } own })
        {
            return new PlanDelivery(year, PlanDerivation.FromOwn(Id, own, version.OwnVersion), version.Policy);
        }

        if (ParentId is not { } parentId || await Peer(parentId).GetDeliveryAsOfAsync(year, asOf) is not { } parent)
        {
            return null;
        }

        var plan = PlanDerivation.Derive(Id, parent.Plan, version?.Policy ?? parent.Policy, version?.Changes ?? [], version?.LocalRevision ?? 0, _calendar);
        return new PlanDelivery(year, plan, version?.Policy ?? parent.Policy);
    }
}
