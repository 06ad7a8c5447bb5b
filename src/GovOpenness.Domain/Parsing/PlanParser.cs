using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Parsing;

/// <summary>Reads a 政务公开工作要点 document, as text, into a <see cref="PlanDocument"/>.</summary>
public static class PlanParser
{
    /// <summary>
    /// Parses a document. Throws <see cref="PlanParseException"/> (naming the line) when the text cannot
    /// be read as a plan at all; anything a person should check comes back as warnings.
    /// </summary>
    public static PlanDocument Parse(string text) => throw new NotImplementedException("PlanParser lands with issue 2.");
}
