namespace GovOpenness.Domain.Progress;

/// <summary>What applying an update did.</summary>
public enum ProgressOutcomeKind
{
    /// <summary>The item changed; persist it.</summary>
    Applied = 0,

    /// <summary>Nothing to do: e.g. acknowledging twice. Not an error.</summary>
    Unchanged = 1,

    /// <summary>The request id was seen before: a retry of an update already applied.</summary>
    Duplicate = 2,

    /// <summary>Not allowed; <see cref="ProgressOutcome.Message"/> says why, in Chinese.</summary>
    Rejected = 3,
}
