namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Finds task tables in a document flattened to text, in the two shapes copies take: one row per line
/// with cells split by tabs, "|" or wide gaps; or one cell per line (each cell's first line starting
/// with a tab, as 004's 附件2 does), rows starting at each 序号.
/// </summary>
internal static class TaskTableReader
{
    private const int MaxHeaderLines = 10;
    private const int MaxHeaderLineLength = 160;
    private const int MaxHeaderCellLength = 14;

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
        // A header is a few short words: skip prose lines without splitting them.
        var raw = lines[index].Raw;
        if (raw.Length > MaxHeaderLineLength || (lines[index].Text.Length > MaxHeaderCellLength && !raw.Contains('\t') && !raw.Contains('|')
            && !raw.Contains('｜') && !raw.Contains("  ", StringComparison.Ordinal) && !raw.Contains("\u3000\u3000", StringComparison.Ordinal)))
        {
            return null;
        }

        var cells = TableCells.Split(lines[index].Raw).Where(c => c.Length > 0).ToList();
        if (cells.Count >= 2)
        {
            return TableHeader.Read(cells) is { } roles ? RowPerLineTable.Read(lines, index, roles) : null;
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
        return cellRoles is null ? null : CellPerLineTable.Read(lines, index, last + 1, cellRoles, lines[index].Raw.StartsWith('\t'));
    }
}
