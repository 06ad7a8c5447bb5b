using System.Collections.Immutable;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// Several steps of one body applied together (a 签收 of every item at once, a day's 反馈): each is
/// validated and applied exactly as a single step would be, in order, against the record the previous
/// one left, so one store write can hold them all. All or nothing: one rejected step rejects the batch,
/// and its message names the step and its item.
/// </summary>
public static class ProgressBatch
{
    /// <summary>The most steps one batch may hold (a plan has a few dozen items; more is a malformed request).</summary>
    public const int MaxSteps = 500;

    /// <summary>
    /// Applies <paramref name="updates"/> in order. On success <see cref="ProgressBatchResult.Body"/> holds
    /// every applied step (the same instance when none applied: all duplicates or unchanged); on a rejection it
    /// is <paramref name="progress"/> unchanged.
    /// </summary>
    public static ProgressBatchResult Apply(BodyProgress progress, IReadOnlyList<ProgressUpdate> updates, DateOnly today, string? actorBodyId = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (updates is null || updates.Count == 0)
        {
            return ProgressBatchResult.Rejected(progress, "批量进度为空：至少需要一条进度");
        }

        if (updates.Count > MaxSteps)
        {
            return ProgressBatchResult.Rejected(progress, $"批量进度共{updates.Count}条，超过上限{MaxSteps}条");
        }

        var body = progress;
        var outcomes = ImmutableArray.CreateBuilder<ProgressOutcome>(updates.Count);
        var applied = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < updates.Count; i++)
        {
            if (updates[i] is not { } update)
            {
                return ProgressBatchResult.Rejected(progress, $"批量进度第{i + 1}条为空");
            }

            var result = body.Apply(update, today, actorBodyId);
            if (result.Outcome.IsRejected)
            {
                return ProgressBatchResult.Rejected(progress, $"批量进度第{i + 1}条（事项“{update.ItemId}”）未被接受，整批未记录：{result.Outcome.Message}");
            }

            if (result.Outcome.IsApplied)
            {
                applied.Add(i);
            }

            outcomes.Add(result.Outcome);
            body = result.Body;
        }

        return new ProgressBatchResult(body, outcomes.ToImmutable(), applied.ToImmutable(), null);
    }
}

/// <summary>The record after a batch, each step's outcome in order, which of them applied, or why the whole batch was refused.</summary>
/// <param name="Body">The record after every step (unchanged when rejected or when nothing applied).</param>
/// <param name="Outcomes">One per step, in order (empty when rejected).</param>
/// <param name="Applied">Indices of the steps that changed the record.</param>
/// <param name="Rejection">Why the batch was refused (Chinese, naming the step and item); null when accepted.</param>
public sealed record ProgressBatchResult(BodyProgress Body, ImmutableArray<ProgressOutcome> Outcomes, ImmutableArray<int> Applied, string? Rejection)
{
    public bool IsRejected => Rejection is not null;

    internal static ProgressBatchResult Rejected(BodyProgress unchanged, string message) => new(unchanged, [], [], message);
}
