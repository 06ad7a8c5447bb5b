namespace GovOpenness.Grains.State;

/// <summary>
/// Who a body is where the vendored catalog does not say (departments), its department children, and
/// which children keep state of their own (so deliveries skip the storage read for all the others).
/// </summary>
public sealed class BodyProfile
{
    public string? Name { get; set; }

    public string? ParentId { get; set; }

    public List<string> Departments { get; set; } = [];

    public List<string> ChildrenWithState { get; set; } = [];
}
