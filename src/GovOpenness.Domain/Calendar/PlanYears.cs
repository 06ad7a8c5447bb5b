using System.Globalization;

namespace GovOpenness.Domain.Calendar;

/// <summary>
/// The years a plan may be for: the one rule every door (publishing, the progress API, live
/// subscriptions) checks, with one message. Wide enough for old plans and far future ones, narrow
/// enough that a typo ("222", "20222") is caught rather than stored.
/// </summary>
public static class PlanYears
{
    public const int First = 2000;

    public const int Last = 2100;

    public static bool IsValid(int year) => year is >= First and <= Last;

    /// <summary>What is wrong with the year, in Chinese, or null when it is valid.</summary>
    public static string? Problem(int year) =>
        IsValid(year) ? null : string.Create(CultureInfo.InvariantCulture, $"年度“{year}”无效：应为{First}至{Last}之间的年份");
}
