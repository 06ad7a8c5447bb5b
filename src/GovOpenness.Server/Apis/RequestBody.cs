using System.Text;
using System.Text.Json;
using GovOpenness.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Apis;

/// <summary>Reads request bodies with a size cap, turning every failure into a problem result.</summary>
internal static class RequestBody
{
    public static async Task<(string? Text, ProblemHttpResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken cancellation)
    {
        var (bytes, problem) = await ReadBytesAsync(request, cancellation);
        return problem is not null ? (null, problem) : (Encoding.UTF8.GetString(bytes!), null);
    }

    /// <summary>The raw body, for documents that may be saved in GB18030 or UTF-16 (see PlanTextDecoder).</summary>
    public static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadBytesAsync(HttpRequest request, CancellationToken cancellation)
    {
        var max = request.HttpContext.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.MaxRequestBytes;
        if (request.ContentLength > max)
        {
            return (null, Problems.TooLarge(max));
        }

        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return (null, Problems.TooLarge(max));
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(max));
        }
    }

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellation)
        where T : class
    {
        var (text, problem) = await ReadTextAsync(request, cancellation);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text!, ApiSetup.Json) is { } value
                ? (value, null)
                : (null, Problems.Invalid("请求内容为空"));
        }
        catch (JsonException e)
        {
            return (null, Problems.Invalid($"JSON 格式错误（位置 {e.Path ?? "$"}，第{(e.LineNumber ?? 0) + 1}行）：{e.Message}"));
        }
    }
}
