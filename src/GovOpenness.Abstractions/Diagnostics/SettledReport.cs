namespace GovOpenness.Abstractions.Diagnostics;

/// <summary>What a silo still owes the progress pipeline; <paramref name="Settled"/> when nothing.</summary>
/// <param name="Silo">The silo that answered.</param>
/// <param name="Changes">Its count of entries and exits so far: a caller reading several silos reads
/// them twice and trusts "settled" only when no count moved in between.</param>
[GenerateSerializer, Immutable, Alias("gov.SettledReport")]
public sealed record SettledReport(
    [property: Id(0)] bool Settled,
    [property: Id(1)] string Silo,
    [property: Id(2)] long Changes,
    [property: Id(3)] IReadOnlyList<PendingCount> Pending);

/// <summary>How many pieces of one kind of work are pending, with a few of their keys.</summary>
[GenerateSerializer, Immutable, Alias("gov.PendingCount")]
public sealed record PendingCount(
    [property: Id(0)] PendingWork Kind,
    [property: Id(1)] long Count,
    [property: Id(2)] IReadOnlyList<string> Keys);

/// <summary>The kinds of work the pipeline can owe.</summary>
[GenerateSerializer, Alias("gov.PendingWork")]
[System.Text.Json.Serialization.JsonConverter(typeof(PendingWorkJsonConverter))]
public enum PendingWork
{
    /// <summary>A body's delivery of a plan version whose subtree has not acknowledged it all.</summary>
    Delivery = 0,

    /// <summary>A plan milestone queued in the silo's relay, not yet noted by the progress grain.</summary>
    MilestoneNote = 1,

    /// <summary>A progress grain owing its parent a delta.</summary>
    Flush = 2,

    /// <summary>A progress grain whose changed summary waits for its push interval.</summary>
    Push = 3,

    /// <summary>A pushed summary the silo's notifier has not forwarded to the web hosts yet.</summary>
    Forward = 4,
}

/// <summary>Kinds written as the API writes enums: camelCase names ("milestoneNote").</summary>
public sealed class PendingWorkJsonConverter()
    : System.Text.Json.Serialization.JsonStringEnumConverter<PendingWork>(System.Text.Json.JsonNamingPolicy.CamelCase);
