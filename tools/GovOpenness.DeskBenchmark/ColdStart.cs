namespace GovOpenness.DeskBenchmark;

/// <summary>
/// Before a cold read: every idle grain of the silo deactivated (Orleans' own activation collection, as if the
/// silo had just restarted: the read activates each body and loads its record from SQLite), then the settled
/// signal, so what the deactivations set off is done before the clock starts. Orleans collects only
/// activations its working-set scan has already seen idle: right after a read, that read's own activations can
/// survive one collection. So a preparation collects again while the count still falls (a few times at most),
/// then says whether it left the silo cold (no more activations than the first one left, plus a margin); a read
/// after one that did not is not counted as cold.
/// </summary>
public sealed class ColdStart(IGrainFactory grains, DeskClient http, bool deactivate)
{
    private const int Margin = 100;

    /// <summary>Collections per preparation at most: the second catches the last read's activations, the rest are for a busy machine.</summary>
    private const int MaxCollections = 4;

    private int? _floor;

    /// <summary>Whether the silo is cold now, and how many activations are left.</summary>
    public async Task<(bool Cold, int Left)> PrepareAsync()
    {
        if (!deactivate)
        {
            return (false, -1);
        }

        var management = grains.GetGrain<IManagementGrain>(0);
        var left = await CollectAsync(management);
        for (var collections = 1; collections < MaxCollections && (_floor is null || left > _floor + Margin); collections++)
        {
            var before = left;
            left = await CollectAsync(management);
            if (left >= before)
            {
                break; // nothing more to collect: what is left is busy, not idle
            }
        }

        _floor ??= left;
        return (left <= _floor + Margin, left);
    }

    /// <summary>One collection of every idle activation, then the settled signal (what the deactivations set off is done).</summary>
    private async Task<int> CollectAsync(IManagementGrain management)
    {
        await management.ForceActivationCollection(TimeSpan.Zero);
        await http.SettledAsync();
        return await management.GetTotalActivationCount();
    }
}
