using System.Security.Claims;
using GovOpenness.Grains.Storage.Accounts;

namespace GovOpenness.Server.Accounts;

/// <summary>The claims a signed-in account carries, the same in a bearer token and in the viewer's cookie.</summary>
public static class AccountClaims
{
    public const string Name = "sub";
    public const string Body = "body";
    public const string Role = "role";

    public static ClaimsPrincipal Principal(string account, string bodyId, IEnumerable<string> roles, string authenticationType)
    {
        var claims = new List<Claim> { new(Name, account), new(Body, bodyId) };
        claims.AddRange(roles.Select(r => new Claim(Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, Name, Role));
    }

    public static ClaimsPrincipal Principal(AccountRecord account, string authenticationType) =>
        Principal(account.Name, account.BodyId, account.Roles, authenticationType);

    public static string? AccountOf(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.FindFirst(Name)?.Value : null;

    public static string? BodyOf(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.FindFirst(Body)?.Value : null;

    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) => [.. user.FindAll(Role).Select(c => c.Value)];
}
