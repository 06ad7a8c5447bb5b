using System.Text.RegularExpressions;

namespace GovOpenness.Domain.Parsing;

/// <summary>
/// Reads a task table exported one cell per line with "|" between cells: either a line holding only "|"
/// after each cell, or each cell ending with " |" (rows of empty cells leave lines of bare bars). Rows
/// are told apart by what the cells hold (<see cref="CellClassifier"/>): a 序号, a section or group
/// cell, a numbered requirement ("3.…"), or prose after the row's time limit starts a new row.
/// </summary>
internal static partial class PipeCellTable
{
    /// <summary>The roles assumed for a ledger copied without its header.</summary>
    public static readonly IReadOnlyList<ColumnRole> DefaultRoles = [ColumnRole.Task, ColumnRole.Content, ColumnRole.Lead, ColumnRole.Deadline];

    /// <summary>Whether a line is only bars (a cell separator, or a row whose cells were lost).</summary>
    public static bool IsBarsOnly(string text)
    {
        var any = false;
        foreach (var c in text)
        {
            if (c is '|' or '｜')
            {
                any = true;
            }
            else if (!char.IsWhiteSpace(c) && c != '\u3000')
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>Whether a line is one cell of such a table: it ends with a bar, or the next line with content is bars only.</summary>
    public static bool IsCellLine(IReadOnlyList<SourceLine> lines, int index)
    {
        var text = lines[index].Text;
        if (text.Length == 0 || IsBarsOnly(text))
        {
            return false;
        }

        if (EndsWithBar(text) && TableCells.Split(lines[index].Raw).Count(c => c.Length > 0) == 1)
        {
            return true;
        }

        var next = NextWithText(lines, index + 1);
        return next >= 0 && IsBarsOnly(lines[next].Text);
    }

    public static TaskTable Read(IReadOnlyList<SourceLine> lines, int headerIndex, int from, IReadOnlyList<ColumnRole> roles)
    {
        var cells = new List<(string Text, int Line)>();
        var end = lines.Count;
        var open = false;
        for (var j = from; j < lines.Count; j++)
        {
            var line = lines[j];
            var text = line.Text;
            if (text.Length == 0)
            {
                continue;
            }

            if (IsBarsOnly(text))
            {
                open = false;
                continue;
            }

            var compact = line.Compact;
            if (DocumentPatterns.IsBodyEnd(compact) || DocumentPatterns.DateLine(compact).Success || DocumentPatterns.IssuerAndDateLine(compact).Success)
            {
                end = j;
                break;
            }

            var barred = text.Contains('|') || text.Contains('｜');
            if (!barred && !open && !IsCellLine(lines, j) && !ContinuesToBar(lines, j))
            {
                // Prose after the table: closing paragraphs belong to no row.
                end = j;
                break;
            }

            var lineCells = TableCells.Split(line.Raw).Where(c => c.Length > 0).ToList();
            if (open && cells.Count > 0 && lineCells.Count > 0)
            {
                // A cell wrapped over lines before its bar: this line's first part continues it.
                cells[^1] = ($"{cells[^1].Text}{lineCells[0]}", cells[^1].Line);
                lineCells.RemoveAt(0);
            }

            foreach (var cell in lineCells)
            {
                cells.Add((cell, line.Number));
            }

            open = !EndsWithBar(text);
        }

        var rows = new List<TaskRow>();
        var builder = new RowBuilder(roles) { Typed = true };
        var started = false;
        var onlyHeadings = false;
        var hasText = false;
        var hasDeadline = false;
        for (var k = 0; k < cells.Count; k++)
        {
            var (text, lineNumber) = cells[k];
            var kind = CellClassifier.Classify(text);
            var nextKind = k + 1 < cells.Count ? CellClassifier.Classify(cells[k + 1].Text) : CellKind.Empty;
            if (kind == CellKind.Section && nextKind is CellKind.Section or CellKind.Empty)
            {
                // A section whose rows were lost in the copy (or that has none): it still opens a section.
                builder.Section(text, lineNumber, rows);
                started = false;
                continue;
            }

            var heading = kind is CellKind.Section or CellKind.Group || (kind == CellKind.Text && nextKind == CellKind.Number);
            bool startsRow;
            if (!started)
            {
                startsRow = true;
            }
            else if (onlyHeadings)
            {
                // "（一）…" then "1": the 序号 and the cells after it belong to the row the headings opened.
                startsRow = false;
            }
            else
            {
                startsRow = kind switch
                {
                    CellKind.Section or CellKind.Group or CellKind.Number => true,
                    CellKind.Text => hasDeadline || heading || (hasText && NumberedText().IsMatch(text)),
                    _ => false,
                };
            }

            if (startsRow)
            {
                builder.Flush(rows);
                builder.Start(lineNumber, [text]);
                started = true;
                onlyHeadings = heading;
                hasText = kind == CellKind.Text && !heading;
                hasDeadline = kind == CellKind.Deadline;
                continue;
            }

            builder.Add(text);
            onlyHeadings &= heading;
            hasText |= kind == CellKind.Text && !heading;
            hasDeadline |= kind == CellKind.Deadline;
        }

        builder.Flush(rows);
        return new TaskTable(headerIndex, end, roles, rows);
    }

    /// <summary>A section cell followed by another section, or by nothing before the next section (its rows were lost).</summary>
    private static bool IsSectionOnly(List<(string Text, int Line)> cells, int k)
        => k + 1 < cells.Count && CellClassifier.Classify(cells[k + 1].Text) == CellKind.Section;

    /// <summary>A cell wrapped over lines: a following line (within a few) ends it with a bar.</summary>
    internal static bool ContinuesToBar(IReadOnlyList<SourceLine> lines, int index)
    {
        for (var j = index + 1; j < lines.Count && j <= index + 3; j++)
        {
            var text = lines[j].Text;
            if (text.Length == 0)
            {
                return false;
            }

            if (IsBarsOnly(text) || EndsWithBar(text))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithBar(string text)
    {
        var t = text.TrimEnd();
        return t.EndsWith('|') || t.EndsWith('｜');
    }

    private static int NextWithText(IReadOnlyList<SourceLine> lines, int from)
    {
        for (var j = from; j < lines.Count && j < from + 3; j++)
        {
            if (lines[j].Text.Length > 0)
            {
                return j;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^\s*[0-9０-９]{1,3}\s*[.、．]")]
    private static partial Regex NumberedText();
}
