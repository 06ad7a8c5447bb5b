namespace GovOpenness.Grains.Hosting;

/// <summary>Where a replay stands (what <c>GET /api/replay</c> answers).</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="File">The scenario file.</param>
/// <param name="State">"running", "finished" or "failed".</param>
/// <param name="VirtualNow">The virtual clock's instant.</param>
/// <param name="VirtualDate">Its date in China.</param>
/// <param name="Speed">Virtual seconds per real second.</param>
/// <param name="Start">The root's issue date.</param>
/// <param name="End">The last event's date.</param>
/// <param name="EventsDone">Receipts, issues and (body, item) completions done so far.</param>
/// <param name="EventsTotal">All of them.</param>
/// <param name="BodiesIssued">Bodies that have issued (published or localized) their plan.</param>
/// <param name="BodiesTotal">Bodies in the scenario.</param>
/// <param name="Failures">Grain calls that answered with an error.</param>
/// <param name="LastError">The last such error, or why the replay stopped.</param>
public sealed record ReplayStatus(
    string Scenario,
    string File,
    string State,
    DateTimeOffset VirtualNow,
    DateOnly VirtualDate,
    double Speed,
    DateOnly Start,
    DateOnly End,
    int EventsDone,
    int EventsTotal,
    int BodiesIssued,
    int BodiesTotal,
    int Failures,
    string? LastError);
