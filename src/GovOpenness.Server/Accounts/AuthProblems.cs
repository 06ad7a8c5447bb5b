namespace GovOpenness.Server.Accounts;

/// <summary>401 and 403 as Chinese problem details, for requests refused before any endpoint runs.</summary>
internal static class AuthProblems
{
    public static Task WriteAsync(HttpContext context, int status)
    {
        var (title, detail) = status == StatusCodes.Status401Unauthorized
            ? ("未登录", "请先登录：POST /api/auth/token 取得令牌（Authorization: Bearer …），或在浏览器中登录")
            : ("无权操作", "当前账号无权进行此操作");
        return Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
    }
}
