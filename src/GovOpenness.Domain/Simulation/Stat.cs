namespace GovOpenness.Domain.Simulation;

/// <summary>Smallest, median and largest of a set of integers (working days, or day indices).</summary>
public sealed record Stat(int Min, int Median, int Max);
