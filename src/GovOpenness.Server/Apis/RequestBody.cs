using System.Text;
using System.Text.Json;
using GovOpenness.Server.Apis.Requests;
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

    /// <summary>
    /// Reads a JSON request against its schema (<typeparamref name="T"/> under the strict
    /// <see cref="ApiSetup.Json"/> options) and its own checks: only <c>application/json</c> (so a foreign
    /// page's form or <c>no-cors</c> fetch cannot write), every bad field named in Chinese.
    /// </summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellation)
        where T : class, IValidatedRequest
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType, "application/json"));
        }

        var (text, problem) = await ReadTextAsync(request, cancellation);
        if (problem is not null)
        {
            return (null, problem);
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(text!, ApiSetup.Json);
        }
        catch (JsonException e)
        {
            var (fields, message) = JsonErrors.Describe(e);
            return (null, Problems.Fields(fields.Distinct().ToDictionary(f => f, _ => new[] { message })));
        }

        if (value is null)
        {
            return (null, Problems.Invalid("请求内容为空：应为一个 JSON 对象"));
        }

        var errors = new RequestErrors();
        value.Validate(errors);
        return errors.Any ? (null, Problems.Fields(errors.ByField)) : (value, null);
    }
}
