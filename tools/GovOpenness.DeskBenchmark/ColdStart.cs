namespace GovOpenness.DeskBenchmark;

/// <summary>
/// Before a cold read: every idle grain of the silo deactivated (Orleans' own activation collection, as if the
/// silo had just restarted: the read activates each body and loads its record from SQLite), then the settled
/// signal, so what the deactivations set off is done before the clock starts. Orleans collects only
/// activations its working-set scan has already seen idle: right after a read, that read's own activations can
/// survive one collection. So each preparation says whether it left the silo cold (no more activations than the
/// first one left, plus a margin) and a read after one that did not is not counted as cold.
/// </summary>
public sealed class ColdStart(IGrainFactory grains, DeskClient http, bool deactivate)
{
    private const int Margin = 100;

    private int? _floor;

    /// <summary>Whether the silo is cold now, and how many activations are left.</summary>
    public async Task<(bool Cold, int Left)> PrepareAsync()
    {
        if (!deactivate)
        {
            return (false, -1);
        }

        var management = grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        await http.SettledAsync();
        var left = await management.GetTotalActivationCount();
        _floor ??= left;
        return (left <= _floor + Margin, left);
    }
}
