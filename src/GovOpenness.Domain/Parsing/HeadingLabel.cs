namespace GovOpenness.Domain.Parsing;

/// <summary>A numbering label found at the start of a line.</summary>
/// <param name="Style">Which numbering style it is.</param>
/// <param name="Label">The label in canonical form: "三", "（二）", "1", "（1）", "①", "第一部分".</param>
/// <param name="RestStart">Where the text after the label starts in the line.</param>
internal sealed record HeadingLabel(HeadingStyle Style, string Label, int RestStart);
