using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>A plan's identity in a report.</summary>
public sealed record ReportPlan(string? Title, string? Issuer, string? DocNumber, int Year, int Items)
{
    public static ReportPlan From(PlanDocument plan) => new(plan.Title, plan.Issuer, plan.DocNumber, plan.Year, plan.Items.Count);
}
