using GovOpenness.Abstractions.Desk;
using GovOpenness.Grains.Hosting;

namespace GovOpenness.Grains.Desk;

/// <summary>Holds one body's annual-report wording: cold, small, written only when the body edits it.</summary>
[GrainType("report-template")]
public sealed class ReportTemplateGrain(
    [PersistentState("report-template", StorageNames.Plans)] IPersistentState<ReportTemplateState> state) : Grain, IReportTemplateGrain
{
    public Task<string?> GetAsync() => Task.FromResult(state.State.Json);

    public async Task SetAsync(string? templateJson)
    {
        if (state.State.Json == templateJson)
        {
            return; // a retried call changes nothing
        }

        state.State.Json = templateJson;
        await state.WriteStateAsync();
    }
}

/// <summary>The stored wording (JSON of <c>ReportTemplate</c>), null for the default.</summary>
[GenerateSerializer, Alias("gov.ReportTemplateState")]
public sealed class ReportTemplateState
{
    [Id(0)]
    public string? Json { get; set; }
}
