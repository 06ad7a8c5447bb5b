namespace GovOpenness.Domain.Progress;

/// <summary>
/// Where an item stands at one body. An item the parent sent back is <see cref="InProgress"/> with a
/// return reason (see <see cref="ItemProgress.IsReturned"/>). Accepted on review is <see cref="Closed"/>:
/// 复核通过 and 办结 are one act in practice, so there is no separate "accepted but open" state.
/// Values are stored: append only, never renumber.
/// </summary>
public enum ItemStatus
{
    /// <summary>未签收: nothing recorded yet.</summary>
    Pending = 0,

    /// <summary>已签收.</summary>
    Acknowledged = 1,

    /// <summary>办理中 (also after being returned).</summary>
    InProgress = 2,

    /// <summary>已反馈: reported done, awaiting the parent's review.</summary>
    Reported = 3,

    /// <summary>已办结: accepted by the parent.</summary>
    Closed = 4,
}
