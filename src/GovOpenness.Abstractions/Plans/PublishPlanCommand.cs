using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Plans;

namespace GovOpenness.Abstractions.Plans;

/// <summary>
/// A body publishes its own plan for a year (a parsed document or JSON). Optionally it sets the policy
/// every body below it follows automatically unless it localizes by hand. <c>IfMatch</c>: the version
/// (stamp) the writer based this on; a plan that moved on meanwhile refuses it as a conflict.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.PublishPlanCommand")]
public sealed record PublishPlanCommand(
    [property: Id(0)] int Year,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? DocNumber,
    [property: Id(3)] IReadOnlyList<PlanItemData> Items,
    [property: Id(4)] LocalizationPolicyData? DescendantPolicy = null,
    [property: Id(5)] string? IfMatch = null)
{
    /// <summary>The command for a parsed document; recurring deadlines fall due on their first occurrence
    /// on or after the issue date (<see cref="RecurringDeadlines"/>), as the simulation counts them.</summary>
    public static PublishPlanCommand From(PlanDocument document, LocalizationPolicyData? policy = null) =>
        new(document.Year, document.Title, document.DocNumber, [.. RecurringDeadlines.Resolve(document).Items.Select(PlanItemData.From)], policy);
}
