namespace GovOpenness.Domain.Hierarchy;

/// <summary>How deep the hierarchy of governments goes (setting <c>GovOpenness:Hierarchy:Depth</c>).</summary>
public enum HierarchyDepth
{
    /// <summary>Down to townships (乡级): 44,695 bodies with the State Council.</summary>
    Township = 0,

    /// <summary>Down to village committees (村/居委会) under each township: 665,268 bodies.</summary>
    Village = 1,
}
