namespace GovOpenness.Domain.Parsing.Deadlines;

/// <summary>Calendar arithmetic for deadline phrases; every method checks that the date exists.</summary>
internal static class DeadlineDates
{
    /// <summary>The first and last years accepted; outside them a "year" is almost surely something else.</summary>
    public const int MinYear = 1949;
    public const int MaxYear = 2200;

    public static string? CheckYear(int year) =>
        year is >= MinYear and <= MaxYear ? null : $"年份{year}不在{MinYear}至{MaxYear}之间";

    public static string? CheckMonth(int month) =>
        month is >= 1 and <= 12 ? null : month < 0 ? "月份无法识别" : $"没有{month}月";

    public static string? CheckDay(int year, int month, int day) =>
        day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? null
            : day < 0 ? "日期无法识别" : $"{month}月没有{day}日";

    public static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>The last day of a third of a month (旬): 上 → 10th, 中 → 20th, 下 → last day.</summary>
    public static DateOnly EndOfXun(int year, int month, char xun) => xun switch
    {
        '上' => new DateOnly(year, month, 10),
        '中' => new DateOnly(year, month, 20),
        _ => EndOfMonth(year, month),
    };

    /// <summary>The first day of a third of a month: 上 → 1st, 中 → 11th, 下 → 21st.</summary>
    public static DateOnly StartOfXun(int year, int month, char xun) => new(year, month, xun switch { '上' => 1, '中' => 11, _ => 21 });

    /// <summary>"N月前": before month N begins, i.e. the last day of the month before (may be in the previous year).</summary>
    public static DateOnly BeforeMonth(int year, int month) => new DateOnly(year, month, 1).AddDays(-1);

    public static DateOnly EndOfQuarter(int year, int quarter) => EndOfMonth(year, quarter * 3);

    public static DateOnly EndOfYear(int year) => new(year, 12, 31);
}
