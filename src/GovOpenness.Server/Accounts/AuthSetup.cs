using GovOpenness.Server.Authorization;
using GovOpenness.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;

namespace GovOpenness.Server.Accounts;

/// <summary>
/// Authentication (bearer tokens for API clients, a cookie for the viewer, optionally OpenID Connect)
/// and authorization (every endpoint needs a signed-in account unless it says otherwise; bodies are
/// guarded by <see cref="BodyAuthorizationHandler"/>).
/// </summary>
public static class AuthSetup
{
    /// <summary>Picks bearer or cookie per request; the default scheme.</summary>
    public const string Scheme = "GovOpenness";
    public const string Oidc = "oidc";

    /// <summary>The dashboard's policy: an administrator of the State Council (cn).</summary>
    public const string NationAdmin = "nation-admin";

    public static WebApplicationBuilder AddGovOpennessAuth(this WebApplicationBuilder builder)
    {
        var authSection = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.Configure<AuthOptions>(authSection);
        var auth = authSection.Get<AuthOptions>() ?? new AuthOptions();
        var server = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        var key = SigningKey.Load(auth, server);
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<SetupCode>();
        builder.Services.AddHostedService<AccountBootstrap>();
        builder.Services.AddSingleton<BodyAncestry>();
        builder.Services.AddSingleton<IAuthorizationHandler, BodyAuthorizationHandler>();

        var authentication = builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer or cookie", o => o.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = AccessTokens.Validation(key);
                o.Events = new JwtBearerEvents
                {
                    // WebSockets cannot send headers: the hub's clients pass the token in the query string.
                    OnMessageReceived = c =>
                    {
                        if (c.Request.Path.StartsWithSegments("/hubs") && c.Request.Query["access_token"] is { Count: > 0 } token)
                        {
                            c.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = c =>
                    {
                        c.HandleResponse();
                        return AuthProblems.WriteAsync(c.HttpContext, StatusCodes.Status401Unauthorized);
                    },
                    OnForbidden = c => AuthProblems.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden),
                };
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "govopenness.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict; // a foreign page's request never carries it
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(auth.TokenMinutes);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = c => AuthProblems.WriteAsync(c.HttpContext, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => AuthProblems.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden);
            });

        var oidc = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        builder.Services.Configure<OidcOptions>(builder.Configuration.GetSection(OidcOptions.Section));
        if (oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(Oidc, "统一身份认证", o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.ResponseType = "code";
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.MapInboundClaims = false;
                o.Events.OnTokenValidated = OidcAccounts.MapToAccountAsync;
            });
        }

        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = CookieAntiforgery.HeaderName;
            o.Cookie.Name = CookieAntiforgery.CookieName;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true; // every answer already says DENY (HttpProtection)
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(NationAdmin, p => p.RequireAuthenticatedUser()
                .RequireClaim(AccountClaims.Body, Domain.Hierarchy.BodyId.Nation)
                .RequireClaim(AccountClaims.Role, Grains.Storage.Accounts.AccountRoles.Admin));
        return builder;
    }

    /// <summary>The same-origin guard, the antiforgery check of cookie writes, then authorization (authentication ran before the limits): call before the endpoints.</summary>
    public static WebApplication UseGovOpennessAuth(this WebApplication app)
    {
        // UseAuthentication runs earlier (Program.cs): the rate limiter partitions by the signed-in account.
        app.UseMiddleware<SameOriginGuard>();
        app.UseMiddleware<CookieAntiforgery>();
        app.UseAuthorization();
        return app;
    }

    private static string SelectScheme(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query.ContainsKey("access_token")))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        return CookieAuthenticationDefaults.AuthenticationScheme;
    }
}
