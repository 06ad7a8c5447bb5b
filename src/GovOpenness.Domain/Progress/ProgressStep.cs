namespace GovOpenness.Domain.Progress;

/// <summary>
/// What a progress update asks for. The first three are posted by the body that carries out the item,
/// the last two (复核) by its parent. In JSON: "acknowledged", "inProgress", "reported", "accepted",
/// "returned". Values are stored: append only, never renumber.
/// </summary>
public enum ProgressStep
{
    /// <summary>签收: the body acknowledges the item.</summary>
    Acknowledged = 0,

    /// <summary>办理: work under way, with an optional percentage and notes.</summary>
    InProgress = 1,

    /// <summary>反馈: the body reports the item done, with evidence links (印证资料).</summary>
    Reported = 2,

    /// <summary>复核通过: the parent accepts the report; the item is closed (办结).</summary>
    Accepted = 3,

    /// <summary>退回: the parent sends the report back with a reason; the item is in progress again.</summary>
    Returned = 4,
}
