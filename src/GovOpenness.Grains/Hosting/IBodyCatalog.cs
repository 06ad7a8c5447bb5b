using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Grains.Hosting;

/// <summary>The fixed part of the hierarchy: governments from the State Council down to townships.</summary>
public interface IBodyCatalog
{
    Body? Find(string id);

    IReadOnlyList<string> ChildrenOf(string id);
}

/// <summary>The vendored national catalog (<see cref="DivisionCatalog.China"/>).</summary>
public sealed class ChinaBodyCatalog : IBodyCatalog
{
    public Body? Find(string id) => DivisionCatalog.China.Find(id);

    public IReadOnlyList<string> ChildrenOf(string id) => DivisionCatalog.China.ChildrenOf(id);
}
