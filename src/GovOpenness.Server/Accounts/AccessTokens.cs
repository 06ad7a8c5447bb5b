using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace GovOpenness.Server.Accounts;

/// <summary>Issues the bearer tokens of <c>POST /api/auth/token</c> (JWT, HMAC-SHA256, the account's claims).</summary>
public sealed class AccessTokens(SymmetricSecurityKey key, IOptions<AuthOptions> options, TimeProvider time)
{
    public const string Issuer = "govopenness";
    public const string Audience = "govopenness";

    public TimeSpan Lifetime => TimeSpan.FromMinutes(options.Value.TokenMinutes);

    public string Issue(ClaimsPrincipal account)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(account.Claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public static TokenValidationParameters Validation(SymmetricSecurityKey key) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = AccountClaims.Name,
        RoleClaimType = AccountClaims.Role,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
