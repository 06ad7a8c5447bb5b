using System.Text.RegularExpressions;

namespace GovOpenness.Domain.Parsing;

/// <summary>Splits a flattened table line into cells: on "|", else tabs, else runs of two or more blanks.</summary>
internal static partial class TableCells
{
    public static List<string> Split(string raw)
    {
        string[] parts;
        var bordered = false;
        if (raw.Contains('|') || raw.Contains('｜'))
        {
            parts = raw.Split('|', '｜');
            bordered = true;
        }
        else if (raw.Contains('\t'))
        {
            // Empty cells between tabs keep the columns aligned; they are kept.
            parts = raw.TrimEnd().Split('\t');
        }
        else
        {
            parts = WideGap().Split(raw.Trim());
        }

        var cells = parts.Select(p => p.Trim().Trim('\u3000').Trim()).ToList();
        if (bordered)
        {
            // Markdown borders: "| a | b |" has no cell before the first bar or after the last.
            if (cells.Count > 0 && cells[0].Length == 0)
            {
                cells.RemoveAt(0);
            }

            if (cells.Count > 0 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }
        }

        return cells;
    }

    /// <summary>Whether the line splits its cells with a visible delimiter ("|" or tab) rather than blanks.</summary>
    public static bool HasDelimiter(string raw) => raw.Contains('|') || raw.Contains('｜') || raw.Contains('\t');

    /// <summary>A markdown separator row such as "|---|:---:|".</summary>
    public static bool IsSeparatorRow(IReadOnlyList<string> cells) => cells.Count > 0 && cells.All(c => Separator().IsMatch(c));

    [GeneratedRegex(@"[ \u3000]{2,}")]
    private static partial Regex WideGap();

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex Separator();
}
