namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Reads a task table flattened one row per line, cells split by "|", tabs or wide gaps. Wrapped cells
/// continue the row above; "一、…" rows open a section; the table ends at a footer, a signature, or
/// (for "|" and tab tables) a line of prose without delimiters.
/// </summary>
internal static class RowPerLineTable
{
    public static TaskTable Read(IReadOnlyList<SourceLine> lines, int headerIndex, List<ColumnRole> roles)
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

    /// <summary>
    /// A footer, an attachment, the signature (office and date); or, in a table whose cells are split by
    /// "|" or tabs, a line without them that is no section row: prose after the table.
    /// </summary>
    private static bool EndsTable(SourceLine line, bool delimited)
    {
        var compact = line.Compact;
        if (DocumentPatterns.IsBodyEnd(compact) || DocumentPatterns.DateLine(compact).Success
            || DocumentPatterns.IssuerAndDateLine(compact).Success)
        {
            return true;
        }

        var singleCell = TableCells.Split(line.Raw).Count(c => c.Length > 0) == 1;
        return singleCell && (DocumentPatterns.LooksLikeIssuer(compact) || (delimited && !TableCells.HasDelimiter(line.Raw) && !IsSectionRow(line.Text)));
    }

    internal static bool IsSectionRow(string cell)
        => cell.Length <= 40 && HeadingPattern.Match(Text.ChineseText.Normalize(cell)) is { Style: HeadingStyle.ChineseComma or HeadingStyle.Part };
}
