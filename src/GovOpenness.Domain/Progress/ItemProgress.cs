using System.Collections.Immutable;
using System.Text.Json.Serialization;
using GovOpenness.Domain.Localization;

namespace GovOpenness.Domain.Progress;

/// <summary>
/// One item's progress at one body: the state machine 签收 → 办理 → 反馈 → 复核 (accepted = 办结, or
/// returned → 办理 again). Immutable: <see cref="Apply"/> returns the new state.
/// </summary>
/// <param name="ItemId">The item in the body's effective plan.</param>
public sealed record ItemProgress(string ItemId)
{
    /// <summary>The most request ids an item remembers (<see cref="RequestMemory"/> keeps them a day, at most this many).</summary>
    public const int RememberedRequests = RequestMemory.MaxEntries;

    public ItemStatus Status { get; init; }

    /// <summary>The last percentage reported while in progress; 100 once reported.</summary>
    public int? Percent { get; init; }

    public string? Note { get; init; }

    /// <summary>印证资料: the links sent with the last report.</summary>
    public ImmutableArray<string> Evidence { get; init; } = [];

    /// <summary>The parent's reason when it last sent the item back; cleared by the next report.</summary>
    public string? ReturnReason { get; init; }

    /// <summary>How many times the parent sent the item back: each counts against the 考核 score.</summary>
    public int ReturnCount { get; init; }

    public DateOnly? AcknowledgedOn { get; init; }

    /// <summary>The day of the last report: compared with the deadline to decide whether it was on time.</summary>
    public DateOnly? ReportedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    /// <summary>How many updates were applied: a cheap version for optimistic checks and tests.</summary>
    public int Version { get; init; }

    /// <summary>Request ids applied, each with its content's fingerprint and day (<see cref="RequestMemory"/>), newest last.</summary>
    public ImmutableArray<string> RecentRequestIds { get; init; } = [];

    /// <summary>Reported or closed: the body has done its part.</summary>
    [JsonIgnore]
    public bool IsDone => Status is ItemStatus.Reported or ItemStatus.Closed;

    /// <summary>Sent back by the parent and not reported again yet.</summary>
    [JsonIgnore]
    public bool IsReturned => Status == ItemStatus.InProgress && ReturnReason is not null;

    /// <summary>
    /// Applies one step. Forward skips are allowed once acknowledged (签收 → 反馈 directly); going
    /// back is only possible through the parent's return; reviews only by the parent, and only of a
    /// reported item.
    /// </summary>
    public ProgressOutcome Apply(ProgressUpdate update, ProgressContext context)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.RequestId is { } requestId && RequestMemory.Find(RecentRequestIds, requestId, RequestMemory.Fingerprint(update)) is { } sameContent)
        {
            // A retry is answered as a duplicate; the same id with another content is a mistake, never silently dropped.
            return sameContent
                ? new(ProgressOutcomeKind.Duplicate, this)
                : Reject($"请求编号“{requestId}”已用于事项“{ItemId}”的另一项进度：重试须发送相同内容，新的进度请用新的请求编号");
        }

        if (ProgressValidation.Check(update, context) is { } invalid)
        {
            return Reject(invalid);
        }

        if (update.IsReview)
        {
            return Review(update, context);
        }

        return update.Step switch
        {
            ProgressStep.Acknowledged => Acknowledge(update, context),
            ProgressStep.InProgress => Handle(update, context),
            _ => Report(update, context),
        };
    }

    private ProgressOutcome Acknowledge(ProgressUpdate update, ProgressContext context) => Status switch
    {
        ItemStatus.Pending => Applied(update, context, this with { Status = ItemStatus.Acknowledged, AcknowledgedOn = context.Today, Note = update.Note ?? Note }),
        ItemStatus.Acknowledged => new(ProgressOutcomeKind.Unchanged, this),
        _ => Backward(update.Step),
    };

    private ProgressOutcome Handle(ProgressUpdate update, ProgressContext context) => Status switch
    {
        ItemStatus.Pending => NotAcknowledged(update.Step),
        ItemStatus.Acknowledged or ItemStatus.InProgress => Applied(update, context, this with
        {
            Status = ItemStatus.InProgress,
            Percent = update.Percent ?? Percent,
            Note = update.Note ?? Note,
        }),
        _ => Backward(update.Step),
    };

    private ProgressOutcome Report(ProgressUpdate update, ProgressContext context) => Status switch
    {
        ItemStatus.Pending => NotAcknowledged(update.Step),
        ItemStatus.Acknowledged or ItemStatus.InProgress => Applied(update, context, this with
        {
            Status = ItemStatus.Reported,
            Percent = 100,
            Note = update.Note ?? Note,
            Evidence = update.Evidence,
            ReturnReason = null,
            ReportedOn = context.Today,
        }),
        // Amending a report that awaits review (more evidence) keeps the original report date.
        ItemStatus.Reported => Applied(update, context, this with
        {
            Note = update.Note ?? Note,
            Evidence = update.Evidence.IsEmpty ? Evidence : update.Evidence,
        }),
        _ => Backward(update.Step),
    };

    private ProgressOutcome Review(ProgressUpdate update, ProgressContext context)
    {
        if (context.ParentBodyId is null || context.ActorBodyId != context.ParentBodyId)
        {
            var who = context.ParentBodyId is null ? "本机构没有上级机构，无人可以复核" : $"只有上级机构“{context.ParentBodyId}”可以复核";
            return Reject($"事项“{ItemId}”的{ProgressNames.Of(update.Step)}由“{context.ActorBodyId}”提交：{who}");
        }

        if (Status != ItemStatus.Reported)
        {
            return Reject($"事项“{ItemId}”当前为“{ProgressNames.Of(Status)}”，不能{ProgressNames.Of(update.Step)}：只有已反馈的事项才能复核");
        }

        return update.Step == ProgressStep.Accepted
            ? Applied(update, context, this with { Status = ItemStatus.Closed, ClosedOn = context.Today })
            : Applied(update, context, this with
            {
                Status = ItemStatus.InProgress,
                ReturnReason = update.Note,
                ReturnCount = ReturnCount + 1,
            });
    }

    private ProgressOutcome Applied(ProgressUpdate update, ProgressContext context, ItemProgress next)
    {
        var requests = update.RequestId is { } requestId
            ? RequestMemory.Remember(RecentRequestIds, requestId, RequestMemory.Fingerprint(update), context.Today)
            : RecentRequestIds;

        return new(ProgressOutcomeKind.Applied, next with { Version = Version + 1, RecentRequestIds = requests });
    }

    private ProgressOutcome NotAcknowledged(ProgressStep step) =>
        Reject($"事项“{ItemId}”当前为“{ProgressNames.Of(Status)}”，不能直接{ProgressNames.Of(step)}：请先签收");

    private ProgressOutcome Backward(ProgressStep step) => Status == ItemStatus.Closed
        ? Reject($"事项“{ItemId}”已办结，不能再{ProgressNames.Of(step)}")
        : Reject($"事项“{ItemId}”当前为“{ProgressNames.Of(Status)}”，不能退回到“{ProgressNames.Of(step)}”：已反馈的事项只能由上级复核退回");

    private ProgressOutcome Reject(string message) => new(ProgressOutcomeKind.Rejected, this, message);

    public bool Equals(ItemProgress? other) =>
        other is not null && ItemId == other.ItemId && Status == other.Status && Percent == other.Percent &&
        Note == other.Note && SequenceEquality.Equal(Evidence, other.Evidence) && ReturnReason == other.ReturnReason &&
        ReturnCount == other.ReturnCount && AcknowledgedOn == other.AcknowledgedOn && ReportedOn == other.ReportedOn &&
        ClosedOn == other.ClosedOn && Version == other.Version && SequenceEquality.Equal(RecentRequestIds, other.RecentRequestIds);

    public override int GetHashCode() => HashCode.Combine(ItemId, Status, Version, ReportedOn);
}
