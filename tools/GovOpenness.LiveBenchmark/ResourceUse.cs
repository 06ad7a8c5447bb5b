using System.Diagnostics;
using System.Globalization;

namespace GovOpenness.LiveBenchmark;

/// <summary>
/// What a measured stretch cost the whole process (server, silo and clients): CPU time, bytes allocated,
/// time paused by the GC, and the GCs. CPU and allocations are per delivery, so the two phases compare
/// even on a shared machine, where wall-clock latency mostly measures the other processes.
/// </summary>
public sealed record ResourceUse(TimeSpan Cpu, long Allocated, TimeSpan GcPause, int Gen0, int Gen1, int Gen2)
{
    public static ResourceUse Now()
    {
        using var process = Process.GetCurrentProcess();
        return new(process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false), GC.GetTotalPauseDuration(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    public ResourceUse Since(ResourceUse start) =>
        new(Cpu - start.Cpu, Allocated - start.Allocated, GcPause - start.GcPause, Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2);

    public string PerDelivery(long deliveries) => string.Create(CultureInfo.InvariantCulture,
        $"CPU {Cpu.TotalSeconds:F1} s ({Cpu.TotalMicroseconds / Math.Max(deliveries, 1):F0} µs per delivery), allocated {Allocated / 1048576.0:N0} MB ({Allocated / (double)Math.Max(deliveries, 1) / 1024:F1} KB per delivery), GC paused {GcPause.TotalMilliseconds:N0} ms in {Gen0} gen0 / {Gen1} gen1 / {Gen2} gen2 collections");
}
