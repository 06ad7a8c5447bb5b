using System.Collections.Immutable;

namespace GovOpenness.Domain.Localization;

/// <summary>A child's localization carried onto a new parent version, and what needs attention.</summary>
public sealed record RebaseResult(PlanLocalization Rebased, ImmutableArray<MergeConflict> Conflicts)
{
    public bool HasConflicts => !Conflicts.IsEmpty;
}
