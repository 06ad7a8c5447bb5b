using System.Globalization;

namespace GovOpenness.Domain.Alignment;

/// <summary>One deadline shift: dates as yyyy-MM-dd (null where a side has none), the phrases as written.</summary>
public sealed record ReportShift(string? From, string? To, string? FromText, string? ToText, string Direction, int? WorkingDaysEarlier)
{
    public static ReportShift Of(DeadlineShift shift) => new(
        shift.FromDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        shift.ToDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        shift.From?.Text,
        shift.To?.Text,
        ChangeNames.Code(shift.Direction),
        shift.WorkingDaysEarlier);
}
