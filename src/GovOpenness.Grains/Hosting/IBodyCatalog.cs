using GovOpenness.Domain.Hierarchy;
using Microsoft.Extensions.Options;

namespace GovOpenness.Grains.Hosting;

/// <summary>The fixed part of the hierarchy: governments from the State Council down to townships or villages.</summary>
public interface IBodyCatalog
{
    Body? Find(string id);

    IReadOnlyList<string> ChildrenOf(string id);
}

/// <summary>The vendored national catalog (<see cref="DivisionCatalog.China"/>) down to the configured depth.</summary>
public sealed class ChinaBodyCatalog(IOptions<HierarchyOptions> options) : IBodyCatalog
{
    private readonly HierarchyDepth _depth = options.Value.Depth;

    public ChinaBodyCatalog()
        : this(Options.Create(new HierarchyOptions()))
    {
    }

    public Body? Find(string id) => DivisionCatalog.China.Find(id, _depth);

    public IReadOnlyList<string> ChildrenOf(string id) => DivisionCatalog.China.ChildrenOf(id, _depth);
}
