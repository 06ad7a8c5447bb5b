namespace GovOpenness.Domain.Alignment;

/// <summary>Stable machine names (JSON) and Chinese labels (people) for the kinds of change.</summary>
public static class ChangeNames
{
    /// <summary>The camelCase name used in JSON, e.g. "deadlineTightened".</summary>
    public static string Code(AlignmentChange change) => change switch
    {
        AlignmentChange.DeadlineLoosened => "deadlineLoosened",
        AlignmentChange.DeadlineTightened => "deadlineTightened",
        AlignmentChange.Merged => "merged",
        AlignmentChange.Split => "split",
        AlignmentChange.UnitsAdded => "unitsAdded",
        AlignmentChange.DeadlineRemoved => "deadlineRemoved",
        AlignmentChange.Reworded => "reworded",
        AlignmentChange.Unchanged => "unchanged",
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    /// <summary>The label shown to civil servants.</summary>
    public static string Label(AlignmentChange change) => change switch
    {
        AlignmentChange.DeadlineLoosened => "期限推后（违规）",
        AlignmentChange.DeadlineTightened => "期限提前",
        AlignmentChange.Merged => "合并",
        AlignmentChange.Split => "拆分",
        AlignmentChange.UnitsAdded => "增列责任单位",
        AlignmentChange.DeadlineRemoved => "未写明期限",
        AlignmentChange.Reworded => "改写",
        AlignmentChange.Unchanged => "原样保留",
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    /// <summary>The camelCase name of a shift direction.</summary>
    public static string Code(ShiftDirection direction) => direction switch
    {
        ShiftDirection.Same => "same",
        ShiftDirection.Tightened => "tightened",
        ShiftDirection.Loosened => "loosened",
        ShiftDirection.Added => "added",
        ShiftDirection.Removed => "removed",
        _ => throw new ArgumentOutOfRangeException(nameof(direction)),
    };
}
