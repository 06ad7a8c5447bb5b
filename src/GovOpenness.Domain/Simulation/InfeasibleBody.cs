using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Domain.Simulation;

/// <summary>A body left with too little time: its tightest item, deadline and working days left.</summary>
public sealed record InfeasibleBody(string BodyId, string Name, BodyLevel Level, DateOnly Receipt, string ItemId, DateOnly Deadline, int DaysLeft);
