namespace GovOpenness.Domain.Parsing;

/// <summary>The plan's own title and the lines it spans (a title may wrap over two or three lines).</summary>
/// <param name="Text">The title as written, blanks removed ("山西省生态环境厅2022年政务公开工作要点").</param>
/// <param name="FirstLine">Index of its first line in the line list.</param>
/// <param name="LastLine">Index of its last line in the line list.</param>
internal sealed record PlanTitle(string Text, int FirstLine, int LastLine);
