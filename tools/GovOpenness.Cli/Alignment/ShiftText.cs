using System.Globalization;
using GovOpenness.Domain.Alignment;

namespace GovOpenness.Cli.Alignment;

/// <summary>Deadline shifts as people read them: "11月底前 → 7月底前（提前 82 个工作日）".</summary>
internal static class ShiftText
{
    public static string Describe(DeadlineShift shift)
    {
        var from = shift.From is null ? "（未规定）" : Phrase(shift.From.Text, shift.FromDate);
        var to = shift.To is null ? "（未写明）" : Phrase(shift.To.Text, shift.ToDate);
        var note = shift.Direction switch
        {
            ShiftDirection.Tightened when shift.WorkingDaysEarlier is > 0 => $"（提前 {shift.WorkingDaysEarlier} 个工作日）",
            ShiftDirection.Tightened => "（提前）",
            ShiftDirection.Loosened when shift.WorkingDaysEarlier is < 0 => $"（推后 {-shift.WorkingDaysEarlier} 个工作日，违规）",
            ShiftDirection.Loosened => "（推后，违规）",
            ShiftDirection.Added => "（新增期限）",
            ShiftDirection.Removed => "（未写明期限）",
            _ => string.Empty,
        };
        return $"{from} → {to}{note}";
    }

    public static string DescribeAll(IEnumerable<DeadlineShift> shifts) => string.Join("；", shifts.Select(Describe));

    private static string Phrase(string text, DateOnly? date) =>
        date is null ? text : $"{text}（{date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）";
}
