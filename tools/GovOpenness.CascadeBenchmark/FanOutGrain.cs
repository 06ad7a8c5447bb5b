using GovOpenness.Grains.Hosting;

namespace GovOpenness.CascadeBenchmark;

/// <summary>The first limit: a grain per body that only calls its children, no state, no plan.</summary>
[Alias("bench.IFanOutGrain")]
public interface IFanOutGrain : IGrainWithStringKey
{
    /// <summary>Visits this body's subtree; returns how many bodies it holds.</summary>
    [Alias("FanOut")]
    Task<int> FanOutAsync();
}

[GrainType("bench-fanout")]
public sealed class FanOutGrain(IBodyCatalog catalog) : Grain, IFanOutGrain
{
    public async Task<int> FanOutAsync()
    {
        var children = catalog.ChildrenOf(this.GetPrimaryKeyString());
        var counts = await Task.WhenAll(children.Select(c => GrainFactory.GetGrain<IFanOutGrain>(c).FanOutAsync()));
        return 1 + counts.Sum();
    }
}
