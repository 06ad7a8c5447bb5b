using Microsoft.Net.Http.Headers;

namespace GovOpenness.Server.Apis;

/// <summary>
/// Plan versions over HTTP: <c>GET …/plans/{year}</c>, publish and localize answer the plan's stamp as
/// <c>ETag</c>; a write sends the one it was based on as <c>If-Match</c>, and the body grain refuses it
/// (409 saying what changed) when the plan moved on meanwhile: two editors can no longer overwrite each other.
/// </summary>
internal static class PlanVersionHeaders
{
    public static string? IfMatch(HttpRequest request) =>
        request.Headers.IfMatch.FirstOrDefault() is { Length: > 0 and <= 512 } value && value != "*" && EntityTagHeaderValue.TryParse(value, out var tag) && !tag.IsWeak
            ? tag.Tag.Value!.Trim('"')
            : null;

    public static T With<T>(HttpRequest request, string stamp, T result)
    {
        request.HttpContext.Response.Headers.ETag = new EntityTagHeaderValue($"\"{stamp}\"").ToString();
        return result;
    }
}
