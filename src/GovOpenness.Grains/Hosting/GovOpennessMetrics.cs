using System.Diagnostics;
using System.Diagnostics.Metrics;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains.Hosting;

/// <summary>
/// The silo's own instruments (meter "GovOpenness"), beside Orleans' ("Microsoft.Orleans"): relay
/// depth, notes waiting for delivery, the journal's commit latency, batch size, queue and refusals,
/// the roll-up's flush lag per level, reconciliations. Exported by the server at /metrics.
/// </summary>
public sealed class GovOpennessMetrics
{
    public const string MeterName = "GovOpenness";

    /// <summary>Spans of journal appends (HTTP → grain → journal in a trace).</summary>
    public static readonly ActivitySource Traces = new(MeterName);

    private readonly Histogram<double> _flushLag;

    public GovOpennessMetrics(IServiceProvider services, MilestoneRelay relay, ProgressJournal journal, ProgressJournalCounters counters, ProgressReconciler reconciler, ILocalSiloDetails silo)
    {
        // The host's meter factory when there is one (every generic host registers it). The meter is
        // tagged with the silo: OpenTelemetry keys a metric stream by meter name, version and tags, and
        // when a meter is disposed it stops every stream of that key in the process
        // (opentelemetry-dotnet#6412). Untagged, one host stopping (a test server, a silo hosted beside
        // another) silenced the other's instruments; tagged, each silo's are its own.
        var options = new MeterOptions(MeterName) { Tags = [new("silo", silo.SiloAddress.ToString())] };
        var meter = (services.GetService(typeof(IMeterFactory)) as IMeterFactory)?.Create(options) ?? new Meter(options);
        meter.CreateObservableGauge("govopenness.relay.depth", () => relay.Pending, "{note}", "Milestone notes taken by this silo's relay and not yet noted by their progress grain");
        meter.CreateObservableGauge("govopenness.milestone_notes.stored", () => relay.StoredNotes, "{note}", "Milestone notes stored and not yet delivered (pending deliveries, whole cluster; refreshed every sweep)");
        meter.CreateObservableGauge("govopenness.journal.queue", () => journal.QueueDepth, "{record}", "Progress records waiting for a journal commit");
        meter.CreateObservableCounter("govopenness.journal.records", () => counters.Records, "{record}", "Progress records committed");
        meter.CreateObservableCounter("govopenness.journal.failed_commits", () => counters.FailedCommits, "{commit}", "Journal transactions that failed (every record refused)");
        meter.CreateObservableCounter("govopenness.journal.stale_writes", () => counters.StaleWrites, "{record}", "Writes refused because another activation wrote the record first");
        meter.CreateObservableCounter("govopenness.reconcile.runs", () => reconciler.Stats.Runs, "{run}", "Anti-entropy runs after membership changes (on this silo)");
        meter.CreateObservableGauge("govopenness.reconcile.last_keys", () => reconciler.Stats.LastKeys, "{grain}", "Progress grains asked to resend in the last run");
        meter.CreateObservableGauge("govopenness.reconcile.last_duration", () => reconciler.Stats.LastSeconds, "s", "Duration of the last anti-entropy run");
        var commit = meter.CreateHistogram<double>("govopenness.journal.commit.duration", "s", "One journal transaction (a batch of records)");
        var batch = meter.CreateHistogram<int>("govopenness.journal.batch.size", "{record}", "Records per journal transaction");
        counters.Committed += (records, duration) =>
        {
            commit.Record(duration.TotalSeconds);
            batch.Record(records);
        };
        _flushLag = meter.CreateHistogram<double>("govopenness.progress.flush.lag", "s", "From a change at a body to its delta applied at the parent, by the body's level");
    }

    /// <summary>A delta reached the parent <paramref name="lag"/> after the change that armed the flush.</summary>
    public void RecordFlushLag(TimeSpan lag, string level) => _flushLag.Record(lag.TotalSeconds, new KeyValuePair<string, object?>("level", level));
}
