namespace GovOpenness.Domain.Simulation;

/// <summary>Earliest, median and latest of a set of dates.</summary>
public sealed record DateStat(DateOnly Min, DateOnly Median, DateOnly Max)
{
    internal static DateStat? From(Stat? indices, WorkingDayIndex days) =>
        indices is null ? null : new DateStat(days.DateOf(indices.Min), days.DateOf(indices.Median), days.DateOf(indices.Max));
}
