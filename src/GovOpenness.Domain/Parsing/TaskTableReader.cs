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
    private const int MinHeaderlessCells = 4;

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

        if (cells.Count == 1 && TableHeader.Classify(cells[0]) is null)
        {
            return IsHeaderlessLedger(lines, index) ? PipeCellTable.Read(lines, index, index, PipeCellTable.DefaultRoles) : null;
        }

        if (cells.Count != 1)
        {
            return null;
        }

        // One header cell per line: collect the following header words (a line of bars may separate them).
        var header = new List<string>();
        var last = index;
        var barred = false;
        for (var j = index; j < lines.Count && header.Count < MaxHeaderLines; j++)
        {
            if (lines[j].Text.Length == 0)
            {
                continue;
            }

            if (PipeCellTable.IsBarsOnly(lines[j].Text))
            {
                barred = true;
                continue;
            }

            var lineCells = TableCells.Split(lines[j].Raw).Where(c => c.Length > 0).ToList();
            if (lineCells.Count != 1 || TableHeader.Classify(lineCells[0]) is null)
            {
                break;
            }

            barred |= lines[j].Text.TrimEnd().EndsWith('|') || lines[j].Text.TrimEnd().EndsWith('｜');
            header.Add(lineCells[0]);
            last = j;
        }

        var cellRoles = TableHeader.Read(header);
        if (cellRoles is null)
        {
            // "一、持续推进基层标准化规范化 |" names a role word (标准) but is the first row of a ledger without header.
            return IsHeaderlessLedger(lines, index) ? PipeCellTable.Read(lines, index, index, PipeCellTable.DefaultRoles) : null;
        }

        return barred
            ? PipeCellTable.Read(lines, index, last + 1, cellRoles)
            : CellPerLineTable.Read(lines, index, last + 1, cellRoles, lines[index].Raw.StartsWith('\t'));
    }

    /// <summary>
    /// A ledger copied without its header: a section, group or numbered cell ending with a bar, followed by
    /// more such cells (at least <see cref="MinHeaderlessCells"/> in a row).
    /// </summary>
    private static bool IsHeaderlessLedger(IReadOnlyList<SourceLine> lines, int index)
    {
        if (!PipeCellTable.IsCellLine(lines, index)
            || CellClassifier.Classify(TableCells.Split(lines[index].Raw).FirstOrDefault(c => c.Length > 0) ?? string.Empty)
                is not (CellKind.Section or CellKind.Group or CellKind.Number))
        {
            return false;
        }

        var count = 0;
        for (var j = index; j < lines.Count && count < MinHeaderlessCells; j++)
        {
            if (lines[j].Text.Length == 0 || PipeCellTable.IsBarsOnly(lines[j].Text))
            {
                continue;
            }

            if (!PipeCellTable.IsCellLine(lines, j) && !PipeCellTable.ContinuesToBar(lines, j))
            {
                return false;
            }

            count++;
        }

        return count >= MinHeaderlessCells;
    }
}
