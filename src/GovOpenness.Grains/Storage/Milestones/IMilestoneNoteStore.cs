namespace GovOpenness.Grains.Storage.Milestones;

/// <summary>
/// The durable side of the milestone relay: a note is stored before the body grain goes on (so a
/// silo's death loses none), removed once its progress grain journaled it, and handed out again by
/// <see cref="ClaimDueAsync"/> when nobody removed it in time (its silo died, or the call failed).
/// </summary>
public interface IMilestoneNoteStore
{
    /// <summary>Stores the notes in one transaction (a note already stored for the same body, year and kind is kept).</summary>
    Task AddAsync(IReadOnlyList<MilestoneNote> notes, DateTimeOffset dueAt);

    /// <summary>Removes notes their progress grains have journaled.</summary>
    Task RemoveAsync(IReadOnlyList<MilestoneNote> notes);

    /// <summary>Takes up to <paramref name="max"/> notes due before <paramref name="now"/> and postpones them to <paramref name="nextDue"/> (a lease: one silo re-sends each).</summary>
    Task<IReadOnlyList<MilestoneNote>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset nextDue, int max);

    /// <summary>Notes still stored (the fault suite and operators wait for 0).</summary>
    Task<long> CountAsync();
}
