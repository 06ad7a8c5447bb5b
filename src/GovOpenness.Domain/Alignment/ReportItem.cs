using GovOpenness.Domain.Plans;

namespace GovOpenness.Domain.Alignment;

/// <summary>An item named in a report (dropped or added).</summary>
public sealed record ReportItem(string Id, string Heading)
{
    public static ReportItem From(PlanItem item) => new(item.Id, item.Heading.Trim());
}
