namespace GovOpenness.Domain.Progress;

/// <summary>Where a part of a figure comes from.</summary>
public enum FigurePartKind
{
    /// <summary>The body itself, apart from its items (it counts as a body, its milestones).</summary>
    Body = 0,

    /// <summary>One of the body's own items.</summary>
    Item = 1,

    /// <summary>A child's whole subtree.</summary>
    Child = 2,
}
