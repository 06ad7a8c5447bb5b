using System.Globalization;
using System.Text;

namespace GovOpenness.Domain.Parsing;

/// <summary>Collects a task table's cells row by row and maps them onto the header's roles.</summary>
internal sealed class RowBuilder(IReadOnlyList<ColumnRole> roles)
{
    private List<string>? cells;
    private int line;
    private string? category;

    public void Start(int lineNumber, IEnumerable<string> first)
    {
        cells = [.. first];
        line = lineNumber;
    }

    public void Add(string cell) => cells?.Add(cell);

    /// <summary>A section row ("一、推进重点领域信息公开"): the rows below fall under it.</summary>
    public void Section(string text) => category = text.Trim();

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
        var row = new TaskRow(line, number.Length > 0 ? number : null, category, Get(ColumnRole.Task), Get(ColumnRole.Content),
            Get(ColumnRole.Lead), Get(ColumnRole.Support), Get(ColumnRole.Deadline));
        if (row.MatchText.Length > 0)
        {
            rows.Add(row);
        }

        cells = null;
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
}
