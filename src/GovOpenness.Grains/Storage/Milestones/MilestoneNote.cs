using GovOpenness.Abstractions;

namespace GovOpenness.Grains.Storage.Milestones;

/// <summary>One plan milestone of one body and year, stamped with the day it happened.</summary>
public readonly record struct MilestoneNote(string BodyId, int Year, PlanMilestoneKind Kind, DateOnly Day);
