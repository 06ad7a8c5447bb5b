using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// How a body localized its parent's plan for a year: which parent plan version it was based on and the
/// changes on top. This, not a copy of the plan, is what gets persisted: a township that adopted
/// everything as is stores an empty change list.
/// </summary>
/// <param name="ParentBodyId">The parent body whose plan this localizes.</param>
/// <param name="ParentYear">The year of the parent plan.</param>
/// <param name="ParentVersion">The parent plan version the changes were made against.</param>
/// <param name="Changes">The changes, applied in order; empty means "adopted as is".</param>
/// <param name="Title">The body's own title for its plan, when it issued a document of its own.</param>
/// <param name="DocNumber">The body's document number, when it has one.</param>
/// <param name="IssueDate">The body's date of issue, when known.</param>
public sealed record PlanLocalization(
    string ParentBodyId,
    int ParentYear,
    int ParentVersion,
    ImmutableArray<LocalizationChange> Changes,
    string? Title = null,
    string? DocNumber = null,
    DateOnly? IssueDate = null)
{
    /// <summary>Never default, so callers and JSON can enumerate it.</summary>
    public ImmutableArray<LocalizationChange> Changes { get; init; } = Changes.IsDefault ? [] : Changes;

    /// <summary>Adopting the parent's plan as is: no changes.</summary>
    public static PlanLocalization AdoptAsIs(PublishedPlan parent) => new(parent.BodyId, parent.Year, parent.Version, []);

    /// <summary>Whether the body adopted the parent's plan unchanged.</summary>
    [JsonIgnore]
    public bool IsAdoptedAsIs => Changes.IsDefaultOrEmpty;

    /// <summary>Equal when based on the same parent version with the same changes: a retried request
    /// with an identical localization can be recognized and cost no write.</summary>
    public bool Equals(PlanLocalization? other) =>
        other is not null && ParentBodyId == other.ParentBodyId && ParentYear == other.ParentYear
        && ParentVersion == other.ParentVersion && SequenceEquality.Equal(Changes, other.Changes)
        && Title == other.Title && DocNumber == other.DocNumber && IssueDate == other.IssueDate;

    public override int GetHashCode() => HashCode.Combine(ParentBodyId, ParentYear, ParentVersion, SequenceEquality.Hash(Changes), Title, DocNumber, IssueDate);
}
