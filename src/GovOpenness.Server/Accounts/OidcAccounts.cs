using GovOpenness.Grains.Storage.Accounts;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Accounts;

/// <summary>
/// OpenID Connect sign-in maps the identity platform's user to a local account of the same name (the
/// claim in GovOpenness:Oidc:AccountClaim): the account's body and roles decide what it may do, so the
/// identity platform proves who someone is and the local account says what they are.
/// </summary>
internal static class OidcAccounts
{
    public static async Task MapToAccountAsync(TokenValidatedContext context)
    {
        var claim = context.HttpContext.RequestServices.GetRequiredService<IOptions<OidcOptions>>().Value.AccountClaim;
        var name = context.Principal?.FindFirst(claim)?.Value;
        var account = name is null ? null : await context.HttpContext.RequestServices.GetRequiredService<AccountStore>().FindAsync(name);
        if (account is null)
        {
            context.Fail($"统一身份认证用户“{name}”在本系统没有对应账号");
            return;
        }

        context.Principal = AccountClaims.Principal(account, "oidc");
    }
}
