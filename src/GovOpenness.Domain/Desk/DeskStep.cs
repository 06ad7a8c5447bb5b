namespace GovOpenness.Domain.Desk;

/// <summary>
/// The steps a supervisor filters by, as the 台账 names them: 未签收, 已签收, 办理中, 已反馈, 已办结, and
/// 退回 (sent back and not reported again: a kind of 办理中). In JSON camelCase names; the API also
/// accepts the Chinese words.
/// </summary>
public enum DeskStep
{
    /// <summary>未签收.</summary>
    Pending = 0,

    /// <summary>已签收.</summary>
    Acknowledged = 1,

    /// <summary>办理中 (returned items included).</summary>
    InProgress = 2,

    /// <summary>已反馈.</summary>
    Reported = 3,

    /// <summary>已办结.</summary>
    Closed = 4,

    /// <summary>退回: sent back by the parent and not reported again.</summary>
    Returned = 5,
}
