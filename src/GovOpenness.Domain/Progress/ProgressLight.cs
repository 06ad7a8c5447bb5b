namespace GovOpenness.Domain.Progress;

/// <summary>The traffic light supervisors read: values are stored, append only.</summary>
public enum ProgressLight
{
    /// <summary>Done, or more than three working days left (or no date to meet).</summary>
    Green = 0,

    /// <summary>Not done and at most three working days left.</summary>
    Yellow = 1,

    /// <summary>Not done (not reported or closed) and the deadline has passed.</summary>
    Red = 2,
}
