using System.Collections.Concurrent;
using GovOpenness.Abstractions;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains.Hosting;

namespace GovOpenness.Server.Authorization;

/// <summary>
/// The ancestors of a body, for authorization: governments from the vendored catalog (no grain call);
/// departments (registered at run time, e.g. "14.sthj") from their grain once, then from memory — a
/// department's parent never changes once registered. An unknown body's ancestor is "cn" alone, so only
/// the State Council's accounts get past authorization to the endpoint's own 404.
/// </summary>
public sealed class BodyAncestry(IBodyCatalog catalog, IGrainFactory grains)
{
    private const int MaxRemembered = 200_000;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _departments = new(StringComparer.Ordinal);

    public async ValueTask<BodyResource> ResolveAsync(string id)
    {
        if (id == BodyId.Nation)
        {
            return new BodyResource(id, []);
        }

        if (catalog.Find(id) is { } body)
        {
            return new BodyResource(id, FromCatalog(body));
        }

        if (_departments.TryGetValue(id, out var known))
        {
            return new BodyResource(id, known);
        }

        if (!BodyId.TryGetLevel(id, out var level, out _) || level != BodyLevel.Department)
        {
            return new BodyResource(id, [BodyId.Nation]);
        }

        var ancestry = await grains.GetGrain<IBodyDeliveryGrain>(id).GetAncestryAsync();
        if (ancestry.Count == 0)
        {
            return new BodyResource(id, [BodyId.Nation]);
        }

        var above = ancestry.Skip(1).ToList();
        if (_departments.Count < MaxRemembered)
        {
            _departments[id] = above;
        }

        return new BodyResource(id, above);
    }

    private List<string> FromCatalog(Body body)
    {
        var chain = new List<string>();
        for (var current = body; current.ParentId is { } parent && catalog.Find(parent) is { } next; current = next)
        {
            chain.Add(parent);
        }

        return chain;
    }
}
