namespace GovOpenness.Abstractions.Desk;

/// <summary>
/// A body's own wording of its annual report's 年度重点工作任务落实情况 section (keyed by body id), as
/// JSON of the domain's <c>ReportTemplate</c>; none stored means the default wording.
/// </summary>
[Alias("gov.IReportTemplateGrain")]
public interface IReportTemplateGrain : IGrainWithStringKey
{
    /// <summary>The stored template JSON, or null for the default wording.</summary>
    [Alias("Get")]
    Task<string?> GetAsync();

    /// <summary>Stores the template (already checked by the caller); null goes back to the default. Acknowledged once written.</summary>
    [Alias("Set")]
    Task SetAsync(string? templateJson);
}
