using GovOpenness.Domain.Hierarchy;
using GovOpenness.Grains.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using GovOpenness.Server.Apis;
using GovOpenness.Server.Apis.Requests;

namespace GovOpenness.Server.Accounts;

/// <summary>
/// Signing in: <c>POST /api/auth/token</c> (bearer token for API clients), <c>POST /api/auth/login</c> and
/// <c>/logout</c> (the viewer's cookie), <c>GET /api/auth/antiforgery</c> (the token its writes carry), <c>POST /api/auth/setup</c> (the first administrator with the
/// one-time code), <c>GET /api/auth/oidc</c> (统一身份认证, when configured).
/// </summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").AllowAnonymous();
        auth.MapPost("/token", TokenAsync).Accepts<Credentials>("application/json").ProducesProblems(400, 401, 413, 415)
            .RequireRateLimiting(Hosting.HttpProtection.SignInPolicy);
        auth.MapPost("/login", LoginAsync).Accepts<Credentials>("application/json").ProducesProblems(400, 401, 413, 415)
            .RequireRateLimiting(Hosting.HttpProtection.SignInPolicy);
        auth.MapPost("/logout", LogoutAsync);
        auth.MapGet("/antiforgery", Antiforgery).Produces<AntiforgeryToken>();
        auth.MapPost("/setup", SetupAsync).Accepts<SetupRequest>("application/json").ProducesProblems(400, 403, 413, 415)
            .RequireRateLimiting(Hosting.HttpProtection.SignInPolicy);
        auth.MapGet("/oidc", (HttpContext http, Microsoft.Extensions.Options.IOptions<OidcOptions> oidc) => oidc.Value.IsConfigured
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [AuthSetup.Oidc])
            : Results.Problem("本服务器未配置统一身份认证（GovOpenness:Oidc:Authority）", statusCode: StatusCodes.Status404NotFound, title: "未找到"))
            .Produces(StatusCodes.Status302Found).ProducesProblems(404);
        return app;
    }

    /// <summary>Missing values are the sign-in's own 401 (no hint which one was wrong); only lengths are checked here.</summary>
    public sealed record Credentials(string? Account, string? Password) : IValidatedRequest
    {
        public void Validate(RequestErrors errors)
        {
            errors.MaxLength("account", Account, 64);
            errors.MaxLength("password", Password, 256);
        }
    }

    /// <summary>What the viewer sends as <see cref="HeaderName"/> with every write it makes with its cookie.</summary>
    public sealed record AntiforgeryToken(string Token, string HeaderName);

    /// <summary>The token of the current sign-in (ask again after signing in: it is bound to the account).</summary>
    private static Ok<AntiforgeryToken> Antiforgery(HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken!, CookieAntiforgery.HeaderName));
    }

    public sealed record TokenResponse(string AccessToken, int ExpiresIn, string TokenType = "Bearer");

    public sealed record SetupRequest(string? Code, string? Password) : IValidatedRequest
    {
        public void Validate(RequestErrors errors)
        {
            errors.MaxLength("code", Code, 64);
            errors.MaxLength("password", Password, 256);
        }
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> TokenAsync(HttpContext http, AccountService accounts, AccessTokens tokens)
    {
        var (credentials, problem) = await RequestBody.ReadJsonAsync<Credentials>(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var result = await accounts.SignInAsync(credentials!.Account, credentials.Password, RequestOrigin.Of(http), http.RequestAborted);
        if (result.Account is not { } account)
        {
            return Refused(result.Error);
        }

        return TypedResults.Ok(new TokenResponse(tokens.Issue(AccountClaims.Principal(account, "password")), (int)tokens.Lifetime.TotalSeconds));
    }

    private static async Task<Results<Ok<AccountsApi.AccountView>, ProblemHttpResult>> LoginAsync(HttpContext http, AccountService accounts)
    {
        var (credentials, problem) = await RequestBody.ReadJsonAsync<Credentials>(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var result = await accounts.SignInAsync(credentials!.Account, credentials.Password, RequestOrigin.Of(http), http.RequestAborted);
        if (result.Account is not { } account)
        {
            return Refused(result.Error);
        }

        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountClaims.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
        return TypedResults.Ok(AccountsApi.AccountView.Of(account));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<AccountsApi.AccountView>, ProblemHttpResult>> SetupAsync(
        HttpContext http, AccountStore store, AccountService accounts, SetupCode setup)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<SetupRequest>(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (await store.AnyAsync(http.RequestAborted) || !setup.TryRedeem(request!.Code))
        {
            return TypedResults.Problem("初始化码无效或已使用，或已有账号", statusCode: StatusCodes.Status403Forbidden, title: "无法初始化");
        }

        var (account, error) = await accounts.CreateAsync(AccountBootstrap.AdminName, request.Password, BodyId.Nation, [AccountRoles.Admin], "setup", RequestOrigin.Of(http), http.RequestAborted);
        return account is null ? Problems.Invalid(error) : TypedResults.Created("/api/accounts/me", AccountsApi.AccountView.Of(account));
    }

    private static ProblemHttpResult Refused(string? error) =>
        TypedResults.Problem(error, statusCode: StatusCodes.Status401Unauthorized, title: "登录失败");
}
