namespace GovOpenness.Domain.Simulation;

/// <summary>One item of the root plan that has a date to meet.</summary>
/// <param name="Id">The item's id in the plan, e.g. "2.3".</param>
/// <param name="Heading">A short heading for reports.</param>
/// <param name="Deadline">The root plan's deadline for it.</param>
public sealed record SimulatedItem(string Id, string Heading, DateOnly Deadline);
