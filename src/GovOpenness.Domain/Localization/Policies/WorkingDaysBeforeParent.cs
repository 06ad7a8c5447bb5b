using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// Every "by" deadline N working days before the parent's, so the body can report up in time; with a
/// jitter J, N plus a draw of 0…J per body and deadline (bodies differ, as they do in practice),
/// reproducible from <paramref name="Seed"/> (<see cref="DeadlineDraw"/>).
/// </summary>
public sealed record WorkingDaysBeforeParent(
    int Days,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Jitter = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] ulong Seed = 0) : DeadlinePolicy
{
    /// <summary>About a year of working days: more is not a plan anyone can follow.</summary>
    public const int MaxDays = 250;

    public override DateOnly Move(DateOnly parentDate, in DeadlineContext context) =>
        context.Days.SubtractWorkingDays(parentDate, Days + DrawJitter(context));

    public override DateOnly Earliest(DateOnly parentDate, in DeadlineContext context)
    {
        var earliest = context.Days.SubtractWorkingDays(parentDate, Days + Jitter);
        return earliest <= parentDate || AllowLater ? earliest : parentDate;
    }

    public override DeadlinePolicy Seeded(ulong seed) => Jitter > 0 ? this with { Seed = seed } : this;

    public override string? Problem() =>
        Days is < 0 or > MaxDays || Jitter is < 0 or > MaxDays ? $"提前的工作日数须在0到{MaxDays}之间（超过约一年）" : null;

    protected override string DescribeRule() => Jitter > 0 ? $"比上级提前{Days}–{Days + Jitter}个工作日" : $"比上级提前{Days}个工作日";

    private int DrawJitter(in DeadlineContext context) =>
        Jitter > 0 ? (int)(DeadlineDraw.Unit(Seed, context.BodyKey, context.ItemKey) * (Jitter + 1)) : 0;
}
