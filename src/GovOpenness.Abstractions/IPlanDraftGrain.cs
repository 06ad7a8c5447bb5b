using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Workspace;

namespace GovOpenness.Abstractions;

/// <summary>
/// A body's unpublished localization for one year, keyed "{bodyId}/{year}": kept apart from the body
/// grain so that a draft costs the body nothing and reaches no child. Stored as changes against the
/// parent's plan, like the published localization; publishing hands them to the body's LocalizeAsync.
/// </summary>
[Alias("gov.IPlanDraftGrain")]
public interface IPlanDraftGrain : IGrainWithStringKey
{
    static string Key(string bodyId, int year) => $"{bodyId}/{year}";

    /// <summary>The draft (or the parent's plan as is when none is saved), checked against the parent's plan of today.</summary>
    [Alias("Get")]
    Task<CommandResult<DraftView>> GetAsync(DateOnly today);

    /// <summary>Checks the changes with the localization rules and stores them durably; nothing is stored when refused.</summary>
    [Alias("Save")]
    Task<CommandResult<DraftView>> SaveAsync(SaveDraftCommand command);

    /// <summary>
    /// Publishes the saved draft (no draft: adopts the parent's plan as is) and marks it published.
    /// <paramref name="ifVersion"/>: the draft version the editor saw; another saved meanwhile is a conflict.
    /// </summary>
    [Alias("Publish")]
    Task<CommandResult<LocalizeResult>> PublishAsync(DateOnly today, int? ifVersion);
}

/// <summary>The urges (催办) a body received, newest last, keyed by the body's id; small and capped.</summary>
[Alias("gov.IUrgeBoxGrain")]
public interface IUrgeBoxGrain : IGrainWithStringKey
{
    /// <summary>Stores one urge durably (idempotent by its id).</summary>
    [Alias("Receive")]
    Task ReceiveAsync(UrgeNote urge);

    [Alias("List"), Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<UrgeNote>> ListAsync();
}
