namespace GovOpenness.Abstractions.Plans;

/// <summary>
/// How a body adopts its parent's plan automatically. It is stored once, where it is set, and passed
/// down with each delivery: the bodies that follow it store nothing. The deadline fields are the
/// domain's deadline policies (WorkingDaysBeforeParent, EndOfMonth, MonthsEarlier), the same rules the
/// simulation runs; when several are set, the earliest date wins. An empty policy (every field unset)
/// adopts the parent's plan as is, overriding a policy passed down from above.
/// </summary>
/// <param name="DeadlineWorkingDaysBefore">Every dated deadline this many working days before the parent's.</param>
/// <param name="UnitMapping">Responsible units renamed for this level, e.g. "省直各部门" → "市直各部门".</param>
/// <param name="DeadlineJitterWorkingDays">Up to this many more working days, drawn per body and deadline.</param>
/// <param name="DeadlineJitterSeed">The seed of those draws (same seed, same dates).</param>
/// <param name="DeadlineEndOfMonth">No deadline in the plan's year later than the end of this month (1–12).</param>
/// <param name="DeadlineMonthsEarlier">Every deadline at the end of the month this many months before the parent's.</param>
/// <param name="DeadlineAllowLater">The deadline rule may give a date later than the parent's (an exception granted).</param>
[GenerateSerializer, Immutable, Alias("gov.LocalizationPolicyData")]
public sealed record LocalizationPolicyData(
    [property: Id(0)] int? DeadlineWorkingDaysBefore = null,
    [property: Id(1)] IReadOnlyDictionary<string, string>? UnitMapping = null,
    [property: Id(2)] int? DeadlineJitterWorkingDays = null,
    [property: Id(3)] ulong? DeadlineJitterSeed = null,
    [property: Id(4)] int? DeadlineEndOfMonth = null,
    [property: Id(5)] int? DeadlineMonthsEarlier = null,
    [property: Id(6)] bool DeadlineAllowLater = false);
