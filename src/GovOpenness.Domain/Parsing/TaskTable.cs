namespace GovOpenness.Domain.Parsing;

/// <summary>A task table found in a document, flattened to text.</summary>
/// <param name="HeaderIndex">Index of the header's first line in the line list.</param>
/// <param name="EndIndex">Index just past the table's last line.</param>
/// <param name="Roles">The columns, left to right.</param>
/// <param name="Rows">The rows, in order.</param>
internal sealed record TaskTable(int HeaderIndex, int EndIndex, IReadOnlyList<ColumnRole> Roles, IReadOnlyList<TaskRow> Rows);
