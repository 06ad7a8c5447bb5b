namespace GovOpenness.Domain.Parsing;

/// <summary>How to read a document that leaves something out.</summary>
/// <param name="FallbackYear">
/// The year to read dates against when the document names none anywhere (a task table copied without
/// its title): the plan is read, with a <c>year-assumed</c> warning, instead of being refused.
/// </param>
public sealed record PlanParseOptions(int? FallbackYear = null);
