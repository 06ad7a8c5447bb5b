using System.Globalization;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Finds task tables in a document flattened to text, in the two shapes copies take: one row per line
/// with cells split by tabs, "|" or wide gaps; or one cell per line (each cell's first line starting
/// with a tab, as 004's 附件2 does), rows starting at each 序号.
/// </summary>
internal static class TaskTableReader
{
    private const int MaxHeaderLines = 10;

    public static List<TaskTable> FindAll(IReadOnlyList<SourceLine> lines)
    {
        var tables = new List<TaskTable>();
        var i = 0;
        while (i < lines.Count)
        {
            var table = lines[i].HasContent ? TryRead(lines, i) : null;
            if (table is null)
            {
                i++;
                continue;
            }

            tables.Add(table);
            i = Math.Max(table.EndIndex, i + 1);
        }

        return tables;
    }

    private static TaskTable? TryRead(IReadOnlyList<SourceLine> lines, int index)
    {
        var cells = TableCells.Split(lines[index].Raw).Where(c => c.Length > 0).ToList();
        if (cells.Count >= 2)
        {
            return TableHeader.Read(cells) is { } roles ? ReadRowPerLine(lines, index, roles) : null;
        }

        if (TableHeader.Classify(lines[index].Text) is null)
        {
            return null;
        }

        // One header cell per line: collect the following header words.
        var header = new List<string>();
        var last = index;
        for (var j = index; j < lines.Count && header.Count < MaxHeaderLines; j++)
        {
            if (!lines[j].HasContent)
            {
                continue;
            }

            if (TableCells.Split(lines[j].Raw).Count(c => c.Length > 0) != 1 || TableHeader.Classify(lines[j].Text) is null)
            {
                break;
            }

            header.Add(lines[j].Text);
            last = j;
        }

        var cellRoles = TableHeader.Read(header);
        return cellRoles is null ? null : ReadCellPerLine(lines, index, last + 1, cellRoles, lines[index].Raw.StartsWith('\t'));
    }

    private static TaskTable ReadRowPerLine(IReadOnlyList<SourceLine> lines, int headerIndex, List<ColumnRole> roles)
    {
        var rows = new List<TaskRow>();
        var builder = new RowBuilder(roles);
        var delimited = TableCells.HasDelimiter(lines[headerIndex].Raw);
        var end = lines.Count;
        for (var j = headerIndex + 1; j < lines.Count; j++)
        {
            var line = lines[j];
            if (!line.HasContent)
            {
                continue;
            }

            if (EndsTable(line, delimited))
            {
                end = j;
                break;
            }

            var cells = TableCells.Split(line.Raw);
            if (TableCells.IsSeparatorRow(cells))
            {
                continue;
            }

            var filled = cells.Where(c => c.Length > 0).ToList();
            if (filled.Count >= 2)
            {
                if (TableHeader.Read(cells) is not null)
                {
                    end = j;
                    break;
                }

                builder.Flush(rows);
                builder.Start(line.Number, cells);
            }
            else if (filled.Count == 1 && IsSectionRow(filled[0]))
            {
                // "一、以公开促进经济发展" alone on its line (or alone in a row of empty cells).
                builder.Flush(rows);
                builder.Section(filled[0]);
            }
            else if (filled.Count == 1)
            {
                // A cell wrapped onto a line of its own belongs to the row above, in its own column when the row says which.
                builder.Continue(filled[0], cells.Count == roles.Count ? cells.IndexOf(filled[0]) : -1);
            }
        }

        builder.Flush(rows);
        return new TaskTable(headerIndex, end, roles, rows);
    }

    private static TaskTable ReadCellPerLine(IReadOnlyList<SourceLine> lines, int headerIndex, int from, List<ColumnRole> roles, bool tabMarksCell)
    {
        var cells = new List<(string Text, int Line)>();
        var end = lines.Count;
        for (var j = from; j < lines.Count; j++)
        {
            var line = lines[j];
            var startsCell = !tabMarksCell || line.Raw.StartsWith('\t');
            if (line.HasContent && DocumentPatterns.IsBodyEnd(DocumentPatterns.Compact(line.Norm)))
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

    /// <summary>
    /// A footer, an attachment, the signature (office and date); or, in a table whose cells are split by
    /// "|" or tabs, a line without them that is no section row: prose after the table.
    /// </summary>
    private static bool EndsTable(SourceLine line, bool delimited)
    {
        var compact = DocumentPatterns.Compact(line.Norm);
        if (DocumentPatterns.IsBodyEnd(compact) || DocumentPatterns.DateLine(compact).Success
            || DocumentPatterns.IssuerAndDateLine(compact).Success)
        {
            return true;
        }

        var singleCell = TableCells.Split(line.Raw).Count(c => c.Length > 0) == 1;
        return singleCell && (DocumentPatterns.LooksLikeIssuer(compact) || (delimited && !TableCells.HasDelimiter(line.Raw) && !IsSectionRow(line.Text)));
    }

    private static bool IsSectionRow(string cell)
        => cell.Length <= 40 && HeadingPattern.Match(Text.ChineseText.Normalize(cell)) is { Style: HeadingStyle.ChineseComma or HeadingStyle.Part };
}
