using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Localization;

/// <summary>The outcome of checking a body's changes against its parent's plan.</summary>
public sealed record ValidationResult(ImmutableArray<LocalizationIssue> Issues)
{
    public bool IsValid => Errors.IsEmpty;

    [JsonIgnore]
    public ImmutableArray<LocalizationIssue> Errors => [.. Issues.Where(i => i.Severity == IssueSeverity.Error)];

    [JsonIgnore]
    public ImmutableArray<LocalizationIssue> Warnings => [.. Issues.Where(i => i.Severity == IssueSeverity.Warning)];
}
