namespace GovOpenness.Domain.Progress;

/// <summary>The body's progress after an update (the same instance unless applied), and what happened.</summary>
public sealed record BodyProgressResult(BodyProgress Body, ProgressOutcome Outcome);
