using GovOpenness.Domain.Progress;

namespace GovOpenness.Abstractions;

/// <summary>
/// One body's progress for one year, keyed "{bodyId}/{year}": its own items and the summary of its whole
/// subtree. Domain records (updates, deltas, summaries) cross the wire typed, through the surrogates
/// in <c>Abstractions/Progress</c>, because the domain project carries no Orleans attributes.
/// Deltas flow up only (a child calls its parent); the parent never calls back into the child inside
/// that call, so there are no cycles.
/// </summary>
[Alias("gov.IProgressGrain")]
public interface IProgressGrain : IGrainWithStringKey
{
    /// <summary>The grain key for a body and year.</summary>
    static string Key(string bodyId, int year) => $"{bodyId}/{year}";

    /// <summary>
    /// Applies one step posted by <paramref name="actorBodyId"/> (null: the body itself, or its parent for
    /// review steps). Acknowledged only after the write; the outcome says applied, duplicate or unchanged.
    /// </summary>
    [Alias("RecordProgress")]
    Task<CommandResult<ProgressOutcome>> RecordProgressAsync(ProgressUpdate update, string? actorBodyId);

    /// <summary>
    /// Applies several steps of this body in one durable write, each validated and recorded exactly as
    /// <see cref="RecordProgressAsync"/> would; a rejected step refuses the whole batch (the error names the
    /// step and its item) and nothing changes. Acknowledged only after the write; one outcome per step, in order.
    /// </summary>
    [Alias("RecordProgressBatch")]
    Task<CommandResult<IReadOnlyList<ProgressOutcome>>> RecordProgressBatchAsync(IReadOnlyList<ProgressUpdate> updates, string? actorBodyId);

    /// <summary>
    /// Leaf children received the plan (a batch from the milestone relay): the parent journals their
    /// receipts in one record and counts them as followers, so a cascade activates no progress grain per leaf
    /// (nor per township that only follows, noted with its villages: <see cref="Progress.ChildReceipt.Leaves"/>).
    /// Answers the children that keep their own progress: their notes go to them.
    /// </summary>
    [Alias("NoteChildrenReceived")]
    Task<IReadOnlyList<string>> NoteChildrenReceivedAsync(IReadOnlyList<Progress.ChildReceipt> receipts);

    /// <summary>
    /// The receipt this parent noted for a follower child (null: none), which the child adopts when it
    /// becomes active; the parent adopts its own receipt first (it may itself be a follower counted with its
    /// leaves, whose receipts it then derives). Interleaves: a child asks during its first flush, when the
    /// parent may be pulling from it.
    /// </summary>
    [Alias("GetChildReceipt"), Orleans.Concurrency.AlwaysInterleave]
    Task<Progress.ChildReceipt?> GetChildReceiptAsync(string childId);

    /// <summary>A child sends a coalesced delta; the receipt says how far the parent has applied it.</summary>
    [Alias("ReceiveDelta")]
    Task<DeltaReceipt> ReceiveDeltaAsync(SummaryDelta delta);

    /// <summary>
    /// The full summary as a delta from nothing, for a parent rebuilding its roll-up. Interleaves: the
    /// parent asks while activating, and this child may at that moment be waiting on that parent.
    /// </summary>
    [Alias("TakeFull"), Orleans.Concurrency.AlwaysInterleave]
    Task<SummaryDelta> TakeFullAsync();

    /// <summary>The subtree summary with light, score and the children's ranking, stamped with epoch and sequence.</summary>
    [Alias("GetSummary")]
    Task<CommandResult<SummaryView>> GetSummaryAsync();

    /// <summary>How one figure (named as in the JSON, e.g. <c>itemsOverdue</c>) was computed: the body, its items and each child subtree.</summary>
    [Alias("Explain")]
    Task<CommandResult<FigureExplanation>> ExplainAsync(string figure);

    /// <summary>
    /// The body's own items on today's date: status, percent, note, evidence,
    /// deadline, light, overdue days, in plan order. A read: nothing is written.
    /// </summary>
    [Alias("GetItems")]
    Task<CommandResult<ProgressTable>> GetItemsAsync();

    /// <summary>
    /// The body's plan reached a milestone on <paramref name="day"/> (the progress clock's today when it
    /// happened; sent by the silo's relay for the body grain). Idempotent: each milestone keeps its earliest day, so repeats and
    /// re-deliveries after a restart change nothing.
    /// </summary>
    [Alias("NoteMilestone")]
    Task NoteMilestoneAsync(PlanMilestoneKind kind, DateOnly day);

    /// <summary>The day this body issued the plan its children receive (published, else received); null when unknown.</summary>
    [Alias("GetIssuedOn"), Orleans.Concurrency.AlwaysInterleave]
    Task<DateOnly?> GetIssuedOnAsync();

    /// <summary>
    /// Anti-entropy after a membership change (issue 11): starts a new outbox epoch, so the parent is
    /// sent this body's whole subtree summary and replaces whatever it held of it (a delta lost with a
    /// silo, or a duplicate activation's figures). False when this activation was behind the journal (another
    /// activation wrote since it read): it left without sending, and the next call activates the grain afresh.
    /// </summary>
    [Alias("ResendFull")]
    Task<bool> ResendFullAsync();

    /// <summary>Sends any pending delta to the parent now (the timer does this on its own; tests call it).</summary>
    [Alias("Flush"), Orleans.Concurrency.AlwaysInterleave]
    Task FlushAsync();
}
