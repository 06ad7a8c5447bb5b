namespace GovOpenness.DeskBenchmark;

/// <summary>
/// Before a cold read: every idle grain of the silo deactivated (Orleans' own activation collection, as if the
/// silo had just restarted: the read activates each body and loads its record from SQLite), then the settled
/// signal, so what the deactivations set off is done before the clock starts. Does nothing when not asked.
/// </summary>
public sealed class ColdStart(IGrainFactory grains, DeskClient http, bool deactivate)
{
    public async Task PrepareAsync()
    {
        if (!deactivate)
        {
            return;
        }

        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await http.SettledAsync();
    }
}
