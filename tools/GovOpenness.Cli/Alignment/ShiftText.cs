using System.Globalization;
using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Text;

// Not "GovOpenness.Cli.Alignment": that name would hide ScottPlot's Alignment enum in the rest of the tool.
namespace GovOpenness.Cli.AlignmentViews;

/// <summary>Deadline shifts as people read them: "11月底前 → 7月底前（提前 84 个工作日）".</summary>
internal static class ShiftText
{
    public static string Describe(DeadlineShift shift, bool withDates = true)
    {
        var from = shift.From is null ? "（未规定）" : Phrase(shift.From.Text, shift.FromDate, withDates);
        var to = shift.To is null ? "（未写明）" : Phrase(shift.To.Text, shift.ToDate, withDates);
        var note = shift.Direction switch
        {
            ShiftDirection.Tightened when shift.WorkingDaysEarlier is > 0 => $"（提前{shift.WorkingDaysEarlier}个工作日）",
            ShiftDirection.Tightened => "（提前）",
            ShiftDirection.Loosened when shift.WorkingDaysEarlier is < 0 => $"（推后{-shift.WorkingDaysEarlier}个工作日，违规）",
            ShiftDirection.Loosened => "（推后，违规）",
            ShiftDirection.Added => "（新增期限）",
            ShiftDirection.Removed => "（未写明期限）",
            _ => "（不变）",
        };
        return $"{from} → {to}{note}";
    }

    public static string DescribeAll(IEnumerable<DeadlineShift> shifts, bool withDates = true) =>
        string.Join("\n", shifts.Select(s => Describe(s, withDates)));

    private static string Phrase(string text, DateOnly? date, bool withDates)
    {
        // PDF copies write "１１月底前" in full-width digits and pad "7 月底前": show one form.
        var phrase = ChineseText.FoldWidth(text).Replace(" ", string.Empty, StringComparison.Ordinal);
        return date is null || !withDates ? phrase : $"{phrase}（{date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）";
    }
}
