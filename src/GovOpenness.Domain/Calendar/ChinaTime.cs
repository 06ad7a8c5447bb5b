namespace GovOpenness.Domain.Calendar;

/// <summary>
/// "Today" for every rule of this project: the date in China (UTC+8) of the injected clock's instant.
/// China Standard Time has had no daylight saving since 1991, so a fixed offset is exact and needs no
/// time-zone database (which a slim container may lack). Never the UTC date: between 00:00 and 08:00 in
/// Beijing that is still yesterday.
/// </summary>
public static class ChinaTime
{
    public static TimeSpan Offset { get; } = TimeSpan.FromHours(8);

    /// <summary>The date in China of the clock's current instant.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The date in China of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
