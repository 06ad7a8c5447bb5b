namespace GovOpenness.Domain.Parsing;

/// <summary>What the document says about itself, read from its header, title and signature.</summary>
/// <param name="Title">The plan's title: its own title line, else the one the covering notice names.</param>
internal sealed record PlanMetadata(string? Title, string? Issuer, string? DocNumber, DateOnly? IssueDate, int? Year);
