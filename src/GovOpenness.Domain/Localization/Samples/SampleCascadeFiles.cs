using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization.Samples;

/// <summary>The JSON shapes of samples/cascade (see its README).</summary>
internal static class SampleCascadeFiles
{
    public sealed record Index(
        ImmutableArray<SampleDepartment> Departments,
        ImmutableArray<PlanEntry> Plans,
        ImmutableArray<LocalizationEntry> Localizations);

    public sealed record PlanEntry(string BodyId, int Year, string Document);

    public sealed record LocalizationEntry(string BodyId, int Year, string File);

    public sealed record LocalizationFile(
        string Body,
        string BodyName,
        int Year,
        string? Document,
        ImmutableArray<SampleItemMapping> Items,
        PlanLocalization Localization);
}
