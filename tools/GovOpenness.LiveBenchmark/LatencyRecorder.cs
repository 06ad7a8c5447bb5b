using System.Globalization;

namespace GovOpenness.LiveBenchmark;

/// <summary>Latencies in milliseconds, recorded from many connections at once, summarized as percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly Lock _lock = new();
    private readonly List<double> _fromPush = [];
    private readonly List<double> _fromSend = [];
    private bool _recording;

    public static double NowUnixMilliseconds() =>
        (DateTimeOffset.UtcNow.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerMillisecond;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _fromSend.Count;
            }
        }
    }

    public void Start()
    {
        lock (_lock)
        {
            _fromPush.Clear();
            _fromSend.Clear();
            _recording = true;
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            _recording = false;
        }
    }

    public void Record(IReadOnlyList<PushedSummary> batch)
    {
        var now = NowUnixMilliseconds();
        lock (_lock)
        {
            if (!_recording)
            {
                return;
            }

            foreach (var summary in batch)
            {
                _fromPush.Add(now - summary.PushedAt);
                _fromSend.Add(now - summary.SentAt);
            }
        }
    }

    public Percentiles FromPush() => Percentiles.Of(_fromPush);

    public Percentiles FromSend() => Percentiles.Of(_fromSend);
}

public sealed record Percentiles(int Count, double P50, double P99, double Max)
{
    public static Percentiles Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new(0, double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new(sorted.Length, At(0.50), At(0.99), sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"p50 {P50,7:F1} ms   p99 {P99,7:F1} ms   max {Max,7:F1} ms   ({Count:N0} deliveries)");
}
