namespace GovOpenness.Grains.Hosting;

/// <summary>
/// Epochs of progress activations: Unix microseconds on the grains' clock (<see cref="GrainClock"/>),
/// and never one this silo gave before. An epoch only orders activations of one grain (a parent ignores a
/// summary from an older one), so under a frozen test clock a later activation must still get a larger
/// epoch; microseconds, so the viewer's JavaScript numbers hold it exactly.
/// </summary>
public sealed class ActivationEpochs(TimeProvider time)
{
    private long _last;

    /// <summary>A new epoch, larger than every one given before on this silo and at least <paramref name="atLeast"/>.</summary>
    public long Next(long atLeast = 0)
    {
        var now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(Math.Max(now, atLeast), last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
