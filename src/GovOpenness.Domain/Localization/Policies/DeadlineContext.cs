using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>What a per-date deadline rule may read besides the parent's date.</summary>
/// <param name="PlanYear">The plan's year: month rules leave deadlines of other years alone.</param>
/// <param name="Days">Working-day arithmetic (the calendar in the grains, the precomputed index in the simulation).</param>
/// <param name="BodyKey">The body's key (<see cref="DeadlineDraw.BodyKeyOf"/>), for rules that differ body by body.</param>
/// <param name="ItemKey">The deadline's key (<see cref="DeadlineDraw.ItemKeyOf"/>), for rules that differ item by item.</param>
public readonly record struct DeadlineContext(int PlanYear, IWorkingDays Days, ulong BodyKey = 0, ulong ItemKey = 0);
