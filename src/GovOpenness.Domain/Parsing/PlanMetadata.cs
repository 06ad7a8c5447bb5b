namespace GovOpenness.Domain.Parsing;

/// <summary>What the document says about itself, read from its header, title and signature.</summary>
internal sealed record PlanMetadata(string? Issuer, string? DocNumber, DateOnly? IssueDate, int? Year);
