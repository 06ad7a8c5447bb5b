using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Accounts;

/// <summary>
/// Refuses, with 403, a request from a page of another origin (its Origin header names another
/// scheme://host:port than this server's and is not configured in GovOpenness:Auth:AllowedOrigins) when
/// it goes to the hub, or when it would write with the viewer's cookie. Together with the SameSite=Strict
/// cookie this keeps any other web page a civil servant opens from acting in their name.
/// </summary>
public sealed class SameOriginGuard(RequestDelegate next, IOptions<AuthOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsSameOrigin(context, origin) && !options.Value.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase)
            && (context.Request.Path.StartsWithSegments("/hubs") || (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && UsesCookie(context))))
        {
            await Microsoft.AspNetCore.Http.Results.Problem($"不接受来自其他网站（{origin}）的请求", statusCode: StatusCodes.Status403Forbidden, title: "来源不被允许").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsSameOrigin(HttpContext context, string origin) =>
        string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase);

    /// <summary>The request is authenticated by the viewer's cookie, not a bearer token.</summary>
    internal static bool UsesCookie(HttpContext context) =>
        !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && context.Request.Cookies.ContainsKey("govopenness.auth");
}
