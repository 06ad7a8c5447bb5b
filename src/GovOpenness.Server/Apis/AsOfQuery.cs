using System.Globalization;
using GovOpenness.Domain.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// The <c>asOf</c> of a plan read: a date (the plan as it stood at the end of that day in China), or a
/// date and time, in China time unless it carries its own offset (<c>Z</c>, <c>+08:00</c>).
/// </summary>
internal static class AsOfQuery
{
    private static readonly string[] LocalFormats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    private static readonly string[] OffsetFormats =
        ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    public static (DateTimeOffset? AsOf, ProblemHttpResult? Problem) Parse(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        text = text.Trim();
        if (text.Length <= 40)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return (new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), ChinaTime.Offset), null);
            }

            if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return (new DateTimeOffset(local, ChinaTime.Offset), null);
            }

            if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                return (instant, null);
            }
        }

        return (null, Problems.Fields(new Dictionary<string, string[]>
        {
            ["asOf"] = [$"“{Problems.Shorten(text)}”不是有效的日期或时间：应为日期（如 2022-06-30，指当日结束时）或北京时间的日期时间（如 2022-06-30T14:30）"],
        }));
    }
}
