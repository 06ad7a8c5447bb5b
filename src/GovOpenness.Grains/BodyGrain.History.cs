using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Calendar;
using GovOpenness.Grains.Rules;
using GovOpenness.Grains.State;

namespace GovOpenness.Grains;

/// <summary>
/// The plan as it stood at an earlier instant. Each publish or localization appends the body's own part
/// to its <see cref="PlanVersionLog"/>; the plan then is that version on the parent's plan then, asked of
/// the parent the same way, up to the origin.
/// </summary>
public sealed partial class BodyGrain
{
    /// <summary>Appends the year's current own version to the log (a retry appends nothing).</summary>
    private Task RecordVersionAsync(int year) => _versions.RecordAsync(year, _plans.State.Years[year]);

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
        var version = await _versions.VersionAtAsync(year, _plans.State.Years.GetValueOrDefault(year), asOf);
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
