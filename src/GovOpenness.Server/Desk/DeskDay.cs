using System.Globalization;
using GovOpenness.Domain.Calendar;
using GovOpenness.Grains.Hosting;

namespace GovOpenness.Server.Desk;

/// <summary>
/// The day figures are computed for: today in China (the progress clock, virtual in a replay), or a
/// past day asked for with <c>asOf=2022-12-31</c>. A day after today is refused: the journal cannot
/// know what has not happened yet.
/// </summary>
public sealed class DeskDay(ProgressClock clock)
{
    public DateOnly Today => ChinaTime.Today(clock.Time);

    /// <summary>The day to use, whether it is a past one, or an error in Chinese.</summary>
    public (DateOnly Day, bool IsPast, string? Error) Resolve(string? asOf)
    {
        var today = Today;
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return (today, false, null);
        }

        if (!DateOnly.TryParseExact(asOf.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (today, false, $"asOf“{asOf}”无效：应为日期，如 2022-12-31");
        }

        if (day > today)
        {
            return (today, false, $"asOf“{asOf}”晚于今天（{today:yyyy-MM-dd}）：只能查看过去某日的情况");
        }

        return (day, day < today, null);
    }
}
