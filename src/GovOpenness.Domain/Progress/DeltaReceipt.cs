namespace GovOpenness.Domain.Progress;

/// <summary>A parent's answer to a delta: what it now holds of the child.</summary>
/// <param name="Outcome">What it did with the delta.</param>
/// <param name="Epoch">The child epoch it holds (0 when it holds nothing).</param>
/// <param name="AppliedThrough">The sequence of the child summary it holds (0 when nothing).</param>
public sealed record DeltaReceipt(DeltaOutcome Outcome, long Epoch, long AppliedThrough);
