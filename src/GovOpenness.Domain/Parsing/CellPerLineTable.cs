using System.Globalization;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Reads a task table flattened one cell per line (004's 附件2): a cell starts on a line beginning with
/// a tab (or on every line when the header had none) and continues on lines without one; rows start
/// at each 序号 in sequence, or every N cells when there is no 序号 column.
/// </summary>
internal static class CellPerLineTable
{
    public static TaskTable Read(IReadOnlyList<SourceLine> lines, int headerIndex, int from, List<ColumnRole> roles, bool tabMarksCell)
    {
        var cells = new List<(string Text, int Line)>();
        var end = lines.Count;
        for (var j = from; j < lines.Count; j++)
        {
            var line = lines[j];
            var startsCell = !tabMarksCell || line.Raw.StartsWith('\t');
            if (line.HasContent && DocumentPatterns.IsBodyEnd(line.Compact))
            {
                end = j;
                break;
            }

            if (startsCell && (tabMarksCell || line.HasContent))
            {
                cells.Add((line.Text, line.Number));
            }
            else if (line.HasContent && cells.Count > 0)
            {
                // A cell over several lines: 004 lists one lead unit per line.
                cells[^1] = ($"{cells[^1].Text}\n{line.Text}", cells[^1].Line);
            }
        }

        var rows = new List<TaskRow>();
        var builder = new RowBuilder(roles);
        var numbered = roles[0] == ColumnRole.Number;
        int? expected = null;
        var filled = 0;
        foreach (var (text, line) in cells)
        {
            if (numbered && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (expected is null || n == expected))
            {
                builder.Flush(rows);
                builder.Start(line, [text]);
                expected = n + 1;
                filled = 1;
            }
            else if (!numbered && (filled == 0 || filled == roles.Count) && text.Length > 0)
            {
                builder.Flush(rows);
                builder.Start(line, [text]);
                filled = 1;
            }
            else if (filled > 0)
            {
                builder.Add(text);
                filled++;
            }
        }

        builder.Flush(rows);
        return new TaskTable(headerIndex, end, roles, rows);
    }
}
