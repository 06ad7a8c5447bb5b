namespace GovOpenness.Domain.Plans;

/// <summary>A work plan (政务公开工作要点) read from a document: its metadata and its items.</summary>
/// <param name="Title">The plan's title, e.g. "山西省2022年政务公开工作要点".</param>
/// <param name="Issuer">The issuing office, e.g. "山西省人民政府办公厅".</param>
/// <param name="DocNumber">The document number, e.g. "晋政办发〔2022〕38号", when the document has one.</param>
/// <param name="IssueDate">The date under the issuing office.</param>
/// <param name="Year">The year the plan is for.</param>
/// <param name="Items">Sections and items, flat, in document order.</param>
/// <param name="Warnings">What a supervisor should look at, each naming its line or item.</param>
public sealed record PlanDocument(
    string? Title,
    string? Issuer,
    string? DocNumber,
    DateOnly? IssueDate,
    int Year,
    IReadOnlyList<PlanItem> Items,
    IReadOnlyList<PlanWarning> Warnings)
{
    /// <summary>How the document was read: numbered prose, or a task table that is the plan itself.</summary>
    public PlanKind Kind { get; init; } = PlanKind.Plan;
}
