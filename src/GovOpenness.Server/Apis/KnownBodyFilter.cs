using GovOpenness.Abstractions;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains.Hosting;

namespace GovOpenness.Server.Apis;

/// <summary>
/// Every route with a body <c>{id}</c> answers 400/404 for a malformed or unknown id before any grain of
/// it is activated: divisions are known from the in-memory catalog; only department-shaped ids
/// ("14.sthj") ask the body grain, which deactivates at once when it finds no such department. So 20,000
/// requests for unknown ids leave no activations (and no memory) behind.
/// </summary>
internal sealed class KnownBodyFilter(IBodyCatalog catalog, IGrainFactory grains) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var id = context.HttpContext.Request.RouteValues["id"] as string ?? "";
        if (RouteChecks.BodyId(id) is { } malformed)
        {
            return malformed;
        }

        return await ExistsAsync(id) ? await next(context) : Problems.From(FailureKind.NotFound, $"机构“{id}”不存在");
    }

    private async Task<bool> ExistsAsync(string id)
    {
        if (catalog.Find(id) is not null)
        {
            return true;
        }

        return BodyId.TryGetLevel(id, out var level, out _) && level == BodyLevel.Department
            && await grains.GetGrain<IBodyGrain>(id).GetInfoAsync() is not null;
    }
}

internal static class KnownBodyFilterExtensions
{
    /// <summary>Applies <see cref="KnownBodyFilter"/> to every endpoint of a group whose route has <c>{id}</c>.</summary>
    public static TBuilder ForKnownBodies<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, KnownBodyFilter>();
}
