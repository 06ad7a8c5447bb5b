using GovOpenness.Domain.Desk;

namespace GovOpenness.Server.Apis.Requests;

/// <summary>
/// The body of <c>PUT /api/bodies/{id}/annual-report/template</c>: every sentence of the annual report's
/// wording (<see cref="ReportTemplate"/>). A missing or over-long sentence is named here; an unknown
/// placeholder by the domain's own check.
/// </summary>
public sealed record TemplateRequest(
    string Title,
    string SectionHeading,
    string Intro,
    string RollUp,
    string DoneHeading,
    string DoneItem,
    string OpenHeading,
    string OpenItem,
    string LateHeading,
    string LateItem,
    string NoReason,
    string Closing) : IValidatedRequest
{
    /// <summary>The longest sentence accepted (the default's longest is under 150 characters).</summary>
    public const int MaxSentence = 1_000;

    public void Validate(RequestErrors errors)
    {
        foreach (var (field, value) in Fields())
        {
            errors.Required(field, value, MaxSentence);
        }
    }

    public ReportTemplate ToTemplate() =>
        new(Title, SectionHeading, Intro, RollUp, DoneHeading, DoneItem, OpenHeading, OpenItem, LateHeading, LateItem, NoReason, Closing);

    private IEnumerable<(string Field, string? Value)> Fields() =>
    [
        ("title", Title), ("sectionHeading", SectionHeading), ("intro", Intro), ("rollUp", RollUp),
        ("doneHeading", DoneHeading), ("doneItem", DoneItem), ("openHeading", OpenHeading), ("openItem", OpenItem),
        ("lateHeading", LateHeading), ("lateItem", LateItem), ("noReason", NoReason), ("closing", Closing),
    ];
}
