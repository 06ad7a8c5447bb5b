using System.Text.RegularExpressions;

namespace GovOpenness.Domain.Parsing;

/// <summary>Splits a flattened table line into cells: on "|", else tabs, else runs of two or more blanks.</summary>
internal static partial class TableCells
{
    public static List<string> Split(string raw)
    {
        string[] parts;
        if (raw.Contains('|') || raw.Contains('｜'))
        {
            parts = raw.Split('|', '｜');
        }
        else if (raw.Contains('\t'))
        {
            parts = raw.Split('\t');
        }
        else
        {
            parts = WideGap().Split(raw.Trim());
        }

        var cells = parts.Select(p => p.Trim().Trim('\u3000').Trim()).ToList();

        // A leading or trailing delimiter (markdown borders, a tab before the first cell) makes no cell.
        if (cells.Count > 0 && cells[0].Length == 0)
        {
            cells.RemoveAt(0);
        }

        if (cells.Count > 0 && cells[^1].Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        return cells;
    }

    /// <summary>A markdown separator row such as "|---|:---:|".</summary>
    public static bool IsSeparatorRow(IReadOnlyList<string> cells) => cells.Count > 0 && cells.All(c => Separator().IsMatch(c));

    [GeneratedRegex(@"[ \u3000]{2,}")]
    private static partial Regex WideGap();

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex Separator();
}
