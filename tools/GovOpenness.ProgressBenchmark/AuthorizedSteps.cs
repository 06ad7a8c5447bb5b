using System.Collections.Concurrent;
using System.Security.Claims;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage.Accounts;
using GovOpenness.Grains.Storage.Audit;
using GovOpenness.Server.Accounts;
using GovOpenness.Server.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.ProgressBenchmark;

/// <summary>
/// What the server adds to a progress step beyond the grain call (issue 10), with the server's own
/// code (linked): the hierarchy authorization a leaf's reporter passes (<see cref="BodyAuthorizationHandler"/>
/// through ASP.NET Core's <see cref="IAuthorizationService"/>, ancestry from <see cref="BodyAncestry"/>),
/// and the act's account set for the call (<see cref="ActContext"/>), so the progress grain commits the
/// step's record (留痕) in the same journal transaction as the step. Not included: the bearer token's
/// signature check and HTTP itself, which cost the same with or without the hierarchy and the record.
/// </summary>
internal sealed class AuthorizedSteps(IServiceProvider silo, IGrainFactory grains)
{
    private readonly IServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddAuthorizationCore()
        .AddSingleton(silo.GetRequiredService<IBodyCatalog>())
        .AddSingleton(grains)
        .AddSingleton<BodyAncestry>()
        .AddSingleton<IAuthorizationHandler, BodyAuthorizationHandler>()
        .BuildServiceProvider();

    private readonly ConcurrentDictionary<string, ClaimsPrincipal> _reporters = new(StringComparer.Ordinal);

    /// <summary>
    /// Authorizes the leaf's reporter for its own step: the account, or null when refused. The caller sets
    /// the act (<see cref="ActContext.Set"/>) itself: a request context set inside this async method would
    /// not flow back out of it.
    /// </summary>
    public async ValueTask<string?> AuthorizeAsync(string leaf)
    {
        var user = _reporters.GetOrAdd(leaf, id => AccountClaims.Principal("reporter-" + id, id, [AccountRoles.Reporter], "benchmark"));
        var resource = await _services.GetRequiredService<BodyAncestry>().ResolveAsync(leaf);
        var allowed = await _services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, resource, new BodyRequirement(BodyOperation.Report));
        return allowed.Succeeded ? AccountClaims.AccountOf(user) : null;
    }
}
