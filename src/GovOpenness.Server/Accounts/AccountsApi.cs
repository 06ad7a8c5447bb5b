using GovOpenness.Abstractions;
using GovOpenness.Grains.Storage.Accounts;
using GovOpenness.Server.Apis;
using GovOpenness.Server.Apis.Requests;
using GovOpenness.Server.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Accounts;

/// <summary>
/// Accounts: <c>GET /api/accounts/me</c>; <c>POST /api/accounts</c> (an administrator of the new
/// account's body or an ancestor); <c>GET /api/bodies/{id}/accounts</c>; <c>POST /api/accounts/{name}/password</c>.
/// </summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/accounts").RequireAuthorization();
        accounts.MapGet("/me", Me);
        accounts.MapPost("/", CreateAsync).Accepts<CreateRequest>("application/json").ProducesProblems(400, 403, 404, 409, 413, 415)
            .RequireBodyAccess(BodyOperation.ManageAccounts, bodyField: "bodyId");
        accounts.MapPost("/{name}/password", ResetAsync).Accepts<PasswordRequest>("application/json").ProducesProblems(400, 403, 413, 415);
        app.MapGet("/api/bodies/{id}/accounts", ListAsync).RequireBodyAccess(BodyOperation.ManageAccounts);
        return app;
    }

    /// <summary>An account as the API shows it (never its hash).</summary>
    public sealed record AccountView(string Account, string BodyId, IReadOnlyList<string> Roles, string? BodyName = null)
    {
        public static AccountView Of(AccountRecord account) => new(account.Name, account.BodyId, account.Roles);
    }

    /// <summary>Lengths here; the account service says what a name, password or role must be.</summary>
    public sealed record CreateRequest(string? Account, string? Password, string? BodyId, IReadOnlyList<string>? Roles) : IValidatedRequest
    {
        public void Validate(RequestErrors errors)
        {
            errors.MaxLength("account", Account, 64);
            errors.MaxLength("password", Password, 256);
            errors.MaxLength("bodyId", BodyId, RequestLimits.IdLength);
            errors.List("roles", Roles, 8);
        }
    }

    public sealed record PasswordRequest(string? Password) : IValidatedRequest
    {
        public void Validate(RequestErrors errors) => errors.MaxLength("password", Password, 256);
    }

    private static async Task<Ok<AccountView>> Me(HttpContext http, IGrainFactory grains)
    {
        var body = AccountClaims.BodyOf(http.User)!;
        var info = await grains.GetGrain<IBodyGrain>(body).GetInfoAsync();
        return TypedResults.Ok(new AccountView(AccountClaims.AccountOf(http.User)!, body, AccountClaims.RolesOf(http.User), info?.Name));
    }

    private static async Task<Results<Created<AccountView>, ProblemHttpResult>> CreateAsync(HttpContext http, AccountService accounts, IGrainFactory grains)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<CreateRequest>(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request!.BodyId))
        {
            return Problems.Invalid("新建账号须给出 account、password、bodyId 和 roles");
        }

        if (await grains.GetGrain<IBodyGrain>(request.BodyId).GetInfoAsync() is null)
        {
            return Problems.From(FailureKind.NotFound, $"机构“{request.BodyId}”不存在");
        }

        var (account, error) = await accounts.CreateAsync(request.Account, request.Password, request.BodyId!, request.Roles,
            AccountClaims.AccountOf(http.User)!, RequestOrigin.Of(http), http.RequestAborted);
        return account is null
            ? (error!.Contains("已存在", StringComparison.Ordinal) ? Problems.From(FailureKind.Conflict, error) : Problems.Invalid(error))
            : TypedResults.Created($"/api/bodies/{account.BodyId}/accounts", AccountView.Of(account));
    }

    private static async Task<Ok<AccountView[]>> ListAsync(string id, AccountStore store, HttpContext http) =>
        TypedResults.Ok((await store.OfBodyAsync(id, http.RequestAborted)).Select(AccountView.Of).ToArray());

    /// <summary>Resetting a password: the account itself, or an administrator of its body or an ancestor.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ResetAsync(
        string name, HttpContext http, AccountStore store, AccountService accounts, BodyAncestry ancestry, IAuthorizationService authorization)
    {
        var (request, problem) = await RequestBody.ReadJsonAsync<PasswordRequest>(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var account = await store.FindAsync(name, http.RequestAborted);
        var self = account is not null && account.Name == AccountStore.Key(AccountClaims.AccountOf(http.User) ?? "");
        if (account is null || (!self && !(await authorization.AuthorizeAsync(http.User, await ancestry.ResolveAsync(account.BodyId), new BodyRequirement(BodyOperation.ManageAccounts))).Succeeded))
        {
            return TypedResults.Problem($"无权重设账号“{name}”的密码", statusCode: StatusCodes.Status403Forbidden, title: "无权操作");
        }

        var error = await accounts.ResetPasswordAsync(account.Name, request!.Password, AccountClaims.AccountOf(http.User)!, RequestOrigin.Of(http), http.RequestAborted);
        return error is null ? TypedResults.NoContent() : Problems.Invalid(error);
    }
}
