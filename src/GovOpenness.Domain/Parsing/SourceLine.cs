namespace GovOpenness.Domain.Parsing;

/// <summary>
/// One line of the source document. <see cref="Text"/> is the line as written with markdown marks and
/// surrounding blanks removed; <see cref="Norm"/> is the same text width-folded and simplified, char
/// for char, so an index found by matching on <see cref="Norm"/> slices <see cref="Text"/> as written.
/// </summary>
/// <param name="Number">The 1-based line number in the source.</param>
/// <param name="Raw">The line exactly as in the source (tabs kept: tables split cells on them).</param>
/// <param name="Text">The cleaned line, as written.</param>
/// <param name="Norm">The cleaned line, normalized for matching; same length as <see cref="Text"/>.</param>
/// <param name="BoldLead">The bolded part the line starts with ("**（一）坚持权威信息首发。**…"), if any.</param>
/// <param name="IsNoise">A page number, a rule or a "（此件公开发布）" note: never part of an item.</param>
internal sealed record SourceLine(int Number, string Raw, string Text, string Norm, string? BoldLead, bool IsNoise)
{
    private string? compact;
    private HeadingLabel? label;
    private bool labelRead;

    /// <summary>Whether the line carries text that can belong to an item.</summary>
    public bool HasContent => !IsNoise && Text.Length > 0;

    /// <summary><see cref="Norm"/> without blanks, computed once: most patterns of the genre ignore blanks.</summary>
    public string Compact => compact ??= DocumentPatterns.Compact(Norm);

    /// <summary>The numbering label the line starts with, if any, computed once.</summary>
    public HeadingLabel? Label
    {
        get
        {
            if (!labelRead)
            {
                label = HeadingPattern.Match(Norm);
                labelRead = true;
            }

            return label;
        }
    }
}
