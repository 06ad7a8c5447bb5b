using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace GovOpenness.Domain.Calendar;

/// <summary>
/// China's working days: Monday to Friday, minus official holidays, plus the weekend days that are
/// worked in lieu (调休). Used to resolve "N个工作日内" and to count working days left to a deadline.
/// </summary>
public sealed class WorkingDayCalendar : IWorkingDays
{
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenSet<DateOnly> _adjustedWorkdays;

    /// <summary>The first and last years the official data covers; outside them weekends alone decide.</summary>
    public (int First, int Last) CoveredYears { get; }

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> adjustedWorkdays, (int, int) coveredYears)
    {
        _holidays = holidays.ToFrozenSet();
        _adjustedWorkdays = adjustedWorkdays.ToFrozenSet();
        CoveredYears = coveredYears;
    }

    /// <summary>The calendar built from the vendored official data (2004 onwards).</summary>
    public static WorkingDayCalendar China { get; } = LoadEmbedded();

    public bool IsWorkingDay(DateOnly day)
    {
        if (_adjustedWorkdays.Contains(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);
    }

    /// <summary>Whether the day is an official holiday (not merely a weekend).</summary>
    public bool IsHoliday(DateOnly day) => _holidays.Contains(day);

    /// <summary>
    /// The day on which N working days after <paramref name="start"/> end: the trigger day itself does not
    /// count, as in "收到申请之日起3个工作日内".
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var left = workingDays;
        while (left > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>
    /// The working day N working days before <paramref name="end"/> (end itself not counted); 0 gives
    /// the last working day on or before end.
    /// </summary>
    public DateOnly SubtractWorkingDays(DateOnly end, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = end;
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        var left = workingDays;
        while (left > 0)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative
    /// when <paramref name="to"/> is earlier (the deadline has passed by that many working days).
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private static WorkingDayCalendar LoadEmbedded()
    {
        var assembly = typeof(WorkingDayCalendar).Assembly;
        var holidays = new List<DateOnly>();
        var workdays = new List<DateOnly>();
        var years = new List<int>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("chinese-days/", StringComparison.Ordinal)))
        {
            years.Add(int.Parse(Path.GetFileNameWithoutExtension(name["chinese-days/".Length..]), System.Globalization.CultureInfo.InvariantCulture));
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var json = JsonDocument.Parse(stream);
            holidays.AddRange(ReadDates(json.RootElement, "holidays"));
            workdays.AddRange(ReadDates(json.RootElement, "workdays"));
        }

        return new WorkingDayCalendar(holidays, workdays, (years.Min(), years.Max()));
    }

    private static IEnumerable<DateOnly> ReadDates(JsonElement root, string property) =>
        root.TryGetProperty(property, out var map)
            ? map.EnumerateObject().Select(p => DateOnly.ParseExact(p.Name, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            : [];
}
