namespace GovOpenness.Domain.Plans;

/// <summary>Something in a document a person should check, with where it stands.</summary>
/// <param name="Code">A stable machine-readable code, e.g. "deadline-passed".</param>
/// <param name="Message">The explanation in Chinese, for the people who read the plan.</param>
/// <param name="Line">The 1-based source line, when known.</param>
/// <param name="ItemId">The item concerned, when there is one.</param>
public sealed record PlanWarning(string Code, string Message, int? Line = null, string? ItemId = null);
