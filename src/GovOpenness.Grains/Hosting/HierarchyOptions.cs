using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Grains.Hosting;

/// <summary>How deep the bodies on the grains go (configuration section "GovOpenness:Hierarchy").</summary>
public sealed class HierarchyOptions
{
    public const string Section = "GovOpenness:Hierarchy";

    /// <summary><c>township</c> (default, 44,695 bodies) or <c>village</c> (665,268: each township's village committees too).</summary>
    public HierarchyDepth Depth { get; set; } = HierarchyDepth.Township;
}
