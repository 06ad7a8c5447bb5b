using Microsoft.AspNetCore.Antiforgery;

namespace GovOpenness.Server.Accounts;

/// <summary>
/// A write made with the viewer's sign-in cookie must carry the antiforgery token of that sign-in
/// (header <see cref="HeaderName"/>, from <c>GET /api/auth/antiforgery</c>), or it is refused with 403:
/// a page of another site can make the browser send the cookie, never read the token. API clients
/// that send <c>Authorization: Bearer …</c> carry no cookie and need none. Signing in itself and the
/// hub (guarded by its origin, it changes nothing) are not checked.
/// </summary>
public sealed class CookieAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public const string CookieName = "govopenness.csrf";

    private static readonly string[] Unchecked = ["/api/auth/login", "/api/auth/token", "/api/auth/setup", "/hubs"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsToken(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem("缺少或无效的防伪令牌（X-CSRF-TOKEN）：请刷新页面后重试", statusCode: StatusCodes.Status403Forbidden, title: "请求被拒绝")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool NeedsToken(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
        && context.User.Identity?.IsAuthenticated == true
        && SameOriginGuard.UsesCookie(context)
        && !Unchecked.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));
}
