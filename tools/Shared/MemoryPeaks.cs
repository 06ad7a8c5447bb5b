using System.Diagnostics;

namespace GovOpenness.Tools;

/// <summary>
/// Peak memory of this process (server, silo and clients in one): the operating system's peak resident
/// set, and the managed heap's peak, sampled while a measured call runs (the GC keeps no peak of its own).
/// </summary>
public sealed class MemoryPeaks : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _managed;

    private MemoryPeaks(TimeSpan every) => _sampling = SampleAsync(every);

    /// <summary>The process's peak resident set so far (bytes), as the operating system counts it.</summary>
    public static long ProcessPeakBytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            return process.PeakWorkingSet64;
        }
    }

    /// <summary>The largest managed heap seen since the last <see cref="TakeManagedPeak"/> (bytes).</summary>
    public long ManagedPeakBytes => Math.Max(Interlocked.Read(ref _managed), GC.GetTotalMemory(false));

    /// <summary>Starts sampling the managed heap.</summary>
    public static MemoryPeaks Start(TimeSpan every) => new(every);

    /// <summary>The managed peak since the last call, then starts a new window from the heap as it is now.</summary>
    public long TakeManagedPeak()
    {
        var peak = ManagedPeakBytes;
        Interlocked.Exchange(ref _managed, GC.GetTotalMemory(false));
        return peak;
    }

    public static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):N0} MB";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan every)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var now = GC.GetTotalMemory(false);
                long seen;
                while (now > (seen = Interlocked.Read(ref _managed)) && Interlocked.CompareExchange(ref _managed, now, seen) != seen)
                {
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
