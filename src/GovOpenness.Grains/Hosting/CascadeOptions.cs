using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Grains.Hosting;

/// <summary>Tuning of plan delivery (configuration section "GovOpenness:Cascade").</summary>
public sealed class CascadeOptions
{
    public const string Section = "GovOpenness:Cascade";

    /// <summary>How often a body re-sends a version to children that have not acknowledged it.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a publisher flushes acknowledgements to its outbox (one write per batch).</summary>
    public TimeSpan AcknowledgementFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// While any outbox is open, how often the outbox registry asks its publishers to resume (a publisher
    /// whose activation left mid-run, or whose resume failed while the database restarted, carries on
    /// within this interval; a publisher with its run in flight answers at once, so the tick is cheap).
    /// </summary>
    public TimeSpan OutboxResumeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries one body has in flight at once.</summary>
    public int MaxParallelDeliveries { get; set; } = 64;

    /// <summary>False holds every delivery in the outbox (tests use it to stop "mid-way").</summary>
    public bool DispatchEnabled { get; set; } = true;

    /// <summary>
    /// After a change, how long a progress grain waits before sending its coalesced summary delta to
    /// its parent (at most one delta per interval; a level adds at most this much to root freshness).
    /// The interval of townships, villages and departments; counties use half of it, the levels above a
    /// quarter (<see cref="ProgressFlushIntervalAt"/>).
    /// </summary>
    public TimeSpan ProgressFlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The flush interval of a body at <paramref name="level"/>: townships, villages and departments all of
    /// <see cref="ProgressFlushInterval"/>, counties half, prefectures, provinces and the State Council a quarter.
    /// </summary>
    /// <remarks>
    /// A step waits for at most one flush at each level on its way to the root, so the root's freshness is
    /// bounded by the sum of the intervals on its path: township + county + prefecture + province, 100 + 50 +
    /// 25 + 25 ms by default. Under 9,500–12,300 steps a second (issue 16, ProgressBenchmark, alternating
    /// quiet runs) the root's p99 was 289–314 ms with an earlier 200 + 100 + 50 + 50 ms and 204–254 ms with
    /// 100 + 50 + 50 + 50 ms, at the same CPU per step within the runs' spread. A township changes about once in three
    /// seconds, so its flush almost always goes at once, and its interval costs its whole length to exactly
    /// the step that follows another within it (one in fifteen at 200 ms): a leaf's interval
    /// coalesces little, and shortening it adds few calls. Shorter intervals above cost little
    /// because there are few such bodies (about 2,850 counties, 340 prefectures, 31 provinces), and no
    /// parent becomes a hot spot: a parent receives at most one delta per child per interval, so the root
    /// at most 31 × 40 = 1,240 a second, whatever the load below. Prefectures and provinces went from half to
    /// a quarter in issue 16's last round, so that the collector's longer pauses with its dynamic adaptation
    /// off (GarbageCollectionAdaptationMode, for throughput) do not take the root's p99 past 300 ms.
    /// </remarks>
    public TimeSpan ProgressFlushIntervalAt(BodyLevel level) => level switch
    {
        BodyLevel.Township or BodyLevel.Village or BodyLevel.Department => ProgressFlushInterval,
        BodyLevel.County => ProgressFlushInterval / 2,
        _ => ProgressFlushInterval / 4,
    };

    /// <summary>How often an active progress grain checks whether the day changed (lights move with time).</summary>
    public TimeSpan ProgressDayCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
