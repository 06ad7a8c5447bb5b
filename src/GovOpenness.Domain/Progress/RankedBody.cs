namespace GovOpenness.Domain.Progress;

/// <summary>A body's place among its siblings in the 考核 ranking (1 = best; no shared places).</summary>
public sealed record RankedBody(int Rank, string BodyId, AssessmentScore Score);
