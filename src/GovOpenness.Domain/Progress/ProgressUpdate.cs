using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// One progress step for one item, as posted to <c>POST /api/bodies/{id}/progress</c>:
/// <c>{"year":2022,"itemId":"2.3","step":"reported","percent":null,"note":"…","evidence":["https://…"],
/// "requestId":"…","actor":"14"}</c>.
/// </summary>
/// <param name="Year">The plan's year.</param>
/// <param name="ItemId">The item in the body's effective plan.</param>
/// <param name="Step">What is asked for.</param>
/// <param name="Percent">For <see cref="ProgressStep.InProgress"/>: how far along, 0–100.</param>
/// <param name="Note">Notes; for <see cref="ProgressStep.Returned"/> the reason, which is required.</param>
/// <param name="Evidence">For <see cref="ProgressStep.Reported"/>: links to 印证资料.</param>
/// <param name="RequestId">Chosen by the caller so a retried call is applied once: an update whose
/// request id the item has seen recently is reported as a duplicate and changes nothing.</param>
/// <param name="Actor">The body posting the update; when absent the body itself for its own steps and
/// its parent for review steps (the host decides who may post what).</param>
public sealed record ProgressUpdate(
    [property: JsonRequired] int Year,
    [property: JsonRequired] string ItemId,
    [property: JsonRequired] ProgressStep Step,
    int? Percent = null,
    string? Note = null,
    ImmutableArray<string> Evidence = default,
    string? RequestId = null,
    string? Actor = null)
{
    /// <summary>Never default, so callers and JSON can enumerate it.</summary>
    public ImmutableArray<string> Evidence { get; init; } = Evidence.IsDefault ? [] : Evidence;

    /// <summary>Whether the step is the parent's review (复核).</summary>
    [JsonIgnore]
    public bool IsReview => Step is ProgressStep.Accepted or ProgressStep.Returned;
}
