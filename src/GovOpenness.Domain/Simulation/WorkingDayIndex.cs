using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Simulation;

/// <summary>
/// The working-day calendar precomputed over a window of days as prefix sums, so that counting,
/// adding and subtracting working days are O(1) array reads instead of day-by-day loops: the engine
/// does this several million times per run. Days are addressed by their index in the window.
/// Results agree with <see cref="WorkingDayCalendar"/> (tested).
/// </summary>
public sealed class WorkingDayIndex : IWorkingDays
{
    // _cumulative[i]: working days in [First, First + i]; the ordinal of day i if it is a working day.
    private readonly int[] _cumulative;

    // _byOrdinal[k]: index of the k-th working day of the window (1-based; slot 0 unused).
    private readonly int[] _byOrdinal;

    public WorkingDayIndex(WorkingDayCalendar calendar, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        First = first;
        Length = last.DayNumber - first.DayNumber + 1;
        _cumulative = new int[Length];
        var ordinals = new List<int>(Length) { -1 };
        var count = 0;
        for (var i = 0; i < Length; i++)
        {
            if (calendar.IsWorkingDay(first.AddDays(i)))
            {
                count++;
                ordinals.Add(i);
            }

            _cumulative[i] = count;
        }

        _byOrdinal = [.. ordinals];
    }

    public DateOnly First { get; }

    /// <summary>Days in the window.</summary>
    public int Length { get; }

    public DateOnly Last => First.AddDays(Length - 1);

    public int IndexOf(DateOnly day) => day.DayNumber - First.DayNumber;

    public DateOnly DateOf(int index) => First.AddDays(index);

    public bool Contains(int index) => index >= 0 && index < Length;

    public bool IsWorkingDay(int index) => index == 0 ? _cumulative[0] == 1 : _cumulative[index] != _cumulative[index - 1];

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when to is earlier.</summary>
    public int WorkingDaysBetween(int from, int to) => _cumulative[to] - _cumulative[from];

    /// <summary>
    /// The day <paramref name="days"/> working days after <paramref name="start"/> (start not counted),
    /// clamped to the window's last working day.
    /// </summary>
    public int AddWorkingDays(int start, int days)
    {
        if (days <= 0)
        {
            return start;
        }

        var ordinal = _cumulative[start] + days;
        return ordinal < _byOrdinal.Length ? _byOrdinal[ordinal] : _byOrdinal[^1];
    }

    /// <summary>
    /// The working day <paramref name="days"/> working days before <paramref name="end"/> (0: the last
    /// working day on or before end), clamped to the window's first working day.
    /// </summary>
    public int SubtractWorkingDays(int end, int days)
    {
        var ordinal = _cumulative[end] - days;
        return ordinal >= 1 ? _byOrdinal[ordinal] : _byOrdinal[Math.Min(1, _byOrdinal.Length - 1)];
    }

    /// <inheritdoc/>
    public DateOnly SubtractWorkingDays(DateOnly end, int workingDays) => DateOf(SubtractWorkingDays(IndexOf(end), workingDays));

    /// <summary>The first working day on or after the index (documents are signed on working days).</summary>
    public int NextWorkingDayOnOrAfter(int index) => IsWorkingDay(index) ? index : AddWorkingDays(index, 1);
}
