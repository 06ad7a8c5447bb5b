namespace GovOpenness.Domain.Plans;

/// <summary>A document that cannot be read as a plan at all; the message says why and where.</summary>
public sealed class PlanParseException(string message, int? line = null) : Exception(message)
{
    /// <summary>The 1-based line the problem was found on, when there is one.</summary>
    public int? Line { get; } = line;
}
