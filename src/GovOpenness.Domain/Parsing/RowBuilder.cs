using System.Globalization;
using System.Text;

namespace GovOpenness.Domain.Parsing;

/// <summary>Collects a task table's cells row by row and maps them onto the header's roles.</summary>
internal sealed partial class RowBuilder(IReadOnlyList<ColumnRole> roles)
{
    private List<string>? cells;
    private int line;
    private string? category;
    private string? group;

    /// <summary>Map every row by what its cells hold rather than by position (tables flattened one cell per line).</summary>
    public bool Typed { get; init; }

    public void Start(int lineNumber, IEnumerable<string> first)
    {
        cells = [.. first];
        line = lineNumber;
    }

    public void Add(string cell) => cells?.Add(cell);


    /// <summary>A section row ("一、推进重点领域信息公开"): the rows below fall under it.</summary>
    public void Section(string text) => category = text.Trim();

    /// <summary>A section row kept as a row of its own, so that a section whose rows were lost still shows.</summary>
    public void Section(string text, int lineNumber, List<TaskRow> rows)
    {
        Flush(rows);
        category = text.Trim();
        group = null;
        rows.Add(new TaskRow(lineNumber, null, category, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty) { IsHeadingOnly = true });
    }

    /// <summary>A wrapped line: it continues the requirement (or task) cell of the row above.</summary>
    public void Continue(string text, int column)
    {
        if (cells is null)
        {
            return;
        }

        var target = column >= 0 ? column : IndexOf(ColumnRole.Content);
        if (target < 0)
        {
            target = IndexOf(ColumnRole.Task);
        }

        if (target < 0)
        {
            target = cells.Count - 1;
        }

        while (cells.Count <= target)
        {
            cells.Add(string.Empty);
        }

        // Units and time limits wrapped over lines are separate entries; prose is one sentence broken by layout.
        var separator = roles[target] is ColumnRole.Lead or ColumnRole.Support or ColumnRole.Deadline && cells[target].Length > 0 ? "\n" : string.Empty;
        cells[target] += separator + text;
    }

    public void Flush(List<TaskRow> rows)
    {
        if (cells is null)
        {
            return;
        }

        var trimmed = TrimTrailingEmpty(cells);
        if (Typed || NeedsTyping(trimmed))
        {
            FlushTyped(trimmed, rows);
            cells = null;
            return;
        }

        var values = Align(cells);
        var byRole = new Dictionary<ColumnRole, StringBuilder>();
        for (var k = 0; k < roles.Count; k++)
        {
            var value = k < values.Count ? values[k] : string.Empty;
            if (value.Length == 0)
            {
                continue;
            }

            if (!byRole.TryGetValue(roles[k], out var builder))
            {
                byRole[roles[k]] = builder = new StringBuilder();
            }
            else
            {
                builder.Append('\n');
            }

            builder.Append(value);
        }

        string Get(ColumnRole role) => byRole.TryGetValue(role, out var b) ? b.ToString() : string.Empty;

        var ownCategory = Get(ColumnRole.Category);
        if (ownCategory.Length > 0)
        {
            category = ownCategory;
        }

        var number = Get(ColumnRole.Number);
        var task = Get(ColumnRole.Task);
        var content = Get(ColumnRole.Content);
        if (content.Length > 0 && CellClassifier.Classify(task) is CellKind.Section or CellKind.Group)
        {
            // "一、做好财政信息公开。 | 1.积极推进… | 财务科": the task cell is a merged group heading.
            OpenGroup(task);
            task = string.Empty;
        }

        if (number.Length == 0 && NumberedText().Match(content) is { Success: true } numbered)
        {
            number = numbered.Groups["n"].Value;
            content = content[numbered.Length..];
        }

        Add(rows, new TaskRow(line, number.Length > 0 ? number : null, category, task, content,
            Get(ColumnRole.Lead), Get(ColumnRole.Support), Get(ColumnRole.Deadline)));
        cells = null;
    }

    private void Add(List<TaskRow> rows, TaskRow row)
    {
        if (row.MatchText.Length > 0)
        {
            rows.Add(row with { Group = group });
        }
    }

    private void OpenGroup(string text)
    {
        if (CellClassifier.Classify(text) == CellKind.Section)
        {
            category = text.Trim();
            group = null;
        }
        else
        {
            group = text.Trim();
        }
    }

    /// <summary>
    /// A row whose filled cells do not line up with the header (a merged group cell present only on the
    /// group's first row, extra section and sub-section cells before the 序号), in a table whose header
    /// has no 序号 to explain the shift.
    /// </summary>
    private bool NeedsTyping(List<string> trimmed)
    {
        if (trimmed.Count != roles.Count)
        {
            return !(roles[0] == ColumnRole.Number && trimmed.Count < roles.Count);
        }

        // Same count, but a 序号 standing where the header has none: the cells are shifted.
        for (var k = 0; k < trimmed.Count; k++)
        {
            if (roles[k] != ColumnRole.Number && CellClassifier.Classify(trimmed[k]) == CellKind.Number)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Maps a row by what its cells hold: section and group cells open a (sub-)section, a number is the
    /// 序号, prose the task then the requirement, unit lists the lead then the cooperating units, and a
    /// time phrase the time limit.
    /// </summary>
    private void FlushTyped(List<string> row, List<TaskRow> rows)
    {
        string? number = null;
        var texts = new List<string>();
        var units = new List<string>();
        var deadline = new StringBuilder();
        var kinds = row.Select(CellClassifier.Classify).ToList();
        for (var k = 0; k < row.Count; k++)
        {
            switch (kinds[k])
            {
                case CellKind.Section:
                case CellKind.Group:
                    OpenGroup(row[k]);
                    break;
                case CellKind.Number when number is null:
                    number = row[k].TrimEnd('.', '、', '．');
                    break;
                case CellKind.Text when texts.Count == 0 && number is null && k + 1 < row.Count && kinds[k + 1] == CellKind.Number:
                    // A short task before the 序号, spanning the rows of its group (merged cell).
                    group = row[k].Trim();
                    break;
                case CellKind.Units:
                    units.Add(row[k]);
                    break;
                case CellKind.Deadline:
                    deadline.Append(deadline.Length > 0 ? "\n" : string.Empty).Append(row[k]);
                    break;
                case CellKind.Empty:
                    break;
                default:
                    texts.Add(row[k]);
                    break;
            }
        }

        if (number is null && texts.Count > 0 && NumberedText().Match(texts[0]) is { Success: true } numbered)
        {
            // "3.及时反馈网民…": the row's 序号 written into its requirement cell.
            number = numbered.Groups["n"].Value;
            texts[0] = texts[0][numbered.Length..];
        }

        var hasTask = roles.Contains(ColumnRole.Task);
        var hasContent = roles.Contains(ColumnRole.Content);
        var task = string.Empty;
        var content = string.Empty;
        if (texts.Count >= 2 && hasTask && hasContent)
        {
            task = texts[0];
            content = string.Join("\n", texts.Skip(1));
        }
        else if (hasContent || !hasTask)
        {
            content = string.Join("\n", texts);
        }
        else
        {
            task = string.Join("\n", texts);
        }

        var support = roles.Contains(ColumnRole.Support) && units.Count >= 2 ? string.Join("\n", units.Skip(1)) : string.Empty;
        var lead = support.Length > 0 ? units[0] : string.Join("\n", units);
        Add(rows, new TaskRow(line, number, category, task, content, lead, support, deadline.ToString()));
    }

    private static List<string> TrimTrailingEmpty(List<string> raw)
    {
        var values = raw.Select(v => v.Trim()).ToList();
        while (values.Count > 0 && values[^1].Length == 0)
        {
            values.RemoveAt(values.Count - 1);
        }

        return values;
    }

    /// <summary>
    /// Cells to columns: surplus cells join the last column; a row that lacks its 序号 (fewer cells,
    /// first one not a number) shifts right by one.
    /// </summary>
    private List<string> Align(List<string> raw)
    {
        var values = new List<string>(raw);
        if (values.Count == roles.Count + 1 && values[0].Length == 0)
        {
            // A row copied with a tab before its first cell.
            values.RemoveAt(0);
        }

        if (values.Count < roles.Count && roles[0] == ColumnRole.Number && values.Count > 0
            && !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            values.Insert(0, string.Empty);
        }

        if (values.Count > roles.Count)
        {
            var surplus = string.Join("\n", values.Skip(roles.Count - 1).Where(v => v.Length > 0));
            values = [.. values.Take(roles.Count - 1), surplus];
        }

        return values;
    }

    private int IndexOf(ColumnRole role)
    {
        for (var k = 0; k < roles.Count; k++)
        {
            if (roles[k] == role)
            {
                return k;
            }
        }

        return -1;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?<n>[0-9０-９]{1,3})\s*[.、．]\s*(?=\S)")]
    private static partial System.Text.RegularExpressions.Regex NumberedText();
}
