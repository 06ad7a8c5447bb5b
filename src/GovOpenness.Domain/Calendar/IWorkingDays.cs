namespace GovOpenness.Domain.Calendar;

/// <summary>
/// The working-day arithmetic a deadline rule needs. Two implementations answer alike (tested): the
/// day-by-day <see cref="WorkingDayCalendar"/> the grains use, and the simulation's precomputed
/// <c>WorkingDayIndex</c>, so one rule runs unchanged in both engines.
/// </summary>
public interface IWorkingDays
{
    /// <summary>The working day N working days before <paramref name="end"/> (end not counted); 0 gives
    /// the last working day on or before end.</summary>
    DateOnly SubtractWorkingDays(DateOnly end, int workingDays);
}
