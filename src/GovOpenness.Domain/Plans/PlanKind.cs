namespace GovOpenness.Domain.Plans;

/// <summary>How a document was read.</summary>
public enum PlanKind
{
    /// <summary>Numbered prose (一、（一）1.), with or without a table attached to its items.</summary>
    Plan,

    /// <summary>A task table (分工方案, 任务分解表, 台账) that is the plan itself: its rows are the items.</summary>
    TaskTable,
}
