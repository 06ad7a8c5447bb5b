namespace GovOpenness.Domain.Plans;

/// <summary>The wire shape of <see cref="PlanJson"/>: only the fields the format promises, in its order.</summary>
public sealed record PlanJsonDocument(
    string? Title,
    string? Issuer,
    string? DocNumber,
    DateOnly? IssueDate,
    int Year,
    IReadOnlyList<PlanJsonItem> Items,
    IReadOnlyList<PlanWarning> Warnings,
    PlanKind Kind = PlanKind.Plan)
{
    public static PlanJsonDocument From(PlanDocument plan) => new(
        plan.Title,
        plan.Issuer,
        plan.DocNumber,
        plan.IssueDate,
        plan.Year,
        [.. plan.Items.Select(PlanJsonItem.From)],
        plan.Warnings,
        plan.Kind);

    public PlanDocument ToPlan()
        => new(Title, Issuer, DocNumber, IssueDate, Year, [.. Items.Select(i => i.ToItem())], Warnings ?? []) { Kind = Kind };
}
