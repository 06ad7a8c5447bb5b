using System.Text.Json;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Grains.Tests;

/// <summary>Posting progress, flushing bottom-up and reading summaries through the progress grains.</summary>
internal static class ProgressProbe
{
    public static IProgressGrain Grain(IGrainFactory grains, string bodyId, int year = 2022) =>
        grains.GetGrain<IProgressGrain>(IProgressGrain.Key(bodyId, year));

    public static Task<CommandResult<ProgressOutcome>> PostAsync(IGrainFactory grains, string bodyId, ProgressUpdate update, string? actor = null) =>
        Grain(grains, bodyId, update.Year).RecordProgressAsync(update, actor);

    /// <summary>Flushes each body in order (give them leaves first), so every delta has reached the top.</summary>
    public static async Task FlushAsync(IGrainFactory grains, params string[] bottomUp)
    {
        foreach (var id in bottomUp)
        {
            await Grain(grains, id).FlushAsync();
        }
    }

    public static async Task<JsonElement> CountsAsync(IGrainFactory grains, string bodyId, int year = 2022)
    {
        var summary = await Grain(grains, bodyId, year).GetSummaryAsync();
        Assert.True(summary.Succeeded, summary.Error);
        return JsonSerializer.SerializeToElement(summary.Value!, LocalizationJson.Options).GetProperty("summary").GetProperty("counts");
    }

    public static long Figure(JsonElement counts, string name) => counts.GetProperty(name).GetInt64();
}
