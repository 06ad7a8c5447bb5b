namespace GovOpenness.Domain.Parsing;

/// <summary>One row of a task table (分工方案 / 任务分解表), cells by role; or a section row ("一、…").</summary>
/// <param name="Line">The 1-based source line where the row starts.</param>
/// <param name="Number">The 序号 cell, when the table has one.</param>
/// <param name="Category">The category the row falls under (a 类别 cell, or the last section row above it).</param>
/// <param name="Task">The task cell (工作任务).</param>
/// <param name="Content">The requirement cell (具体要求 / 公开内容).</param>
/// <param name="Lead">The lead or responsible units cell, as written.</param>
/// <param name="Support">The supporting units cell, as written.</param>
/// <param name="Deadline">The time-limit cell.</param>
internal sealed record TaskRow(int Line, string? Number, string? Category, string Task, string Content, string Lead, string Support, string Deadline)
{
    /// <summary>The sub-section the row falls under: a merged group cell ("（一）…", or a short task spanning rows).</summary>
    public string? Group { get; init; }

    /// <summary>A row that only opens a section or group (its cells are headings, or were lost in the copy).</summary>
    public bool IsHeadingOnly { get; init; }

    /// <summary>The row's own words, for matching it to a plan item: the requirement, else the task.</summary>
    public string MatchText => Content.Length > 0 ? Content : Task;
}
