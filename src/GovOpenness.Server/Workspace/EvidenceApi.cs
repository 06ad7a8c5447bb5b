using GovOpenness.Domain.Evidence;
using GovOpenness.Server.Accounts;
using GovOpenness.Server.Apis;
using GovOpenness.Server.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace GovOpenness.Server.Workspace;

/// <summary>
/// Evidence files (佐证材料) for 反馈: uploaded by the body's reporter as multipart field <c>file</c>,
/// checked by <see cref="EvidenceFileRules"/> (type and size; a refused file stores nothing), hashed
/// (SHA-256) and kept by <see cref="EvidenceStore"/>; downloaded by whoever may read the body.
/// </summary>
public static class EvidenceApi
{
    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/bodies/{id}/evidence", UploadAsync).ForKnownBodies().Accepts<IFormFile>("multipart/form-data")
            .ProducesProblems(400, 404, 413, 415).RequireBodyAccess(BodyOperation.Report);
        app.MapGet("/api/evidence/{id}", DownloadAsync).Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream")
            .ProducesProblems(401, 403, 404).RequireAuthorization();
        return app;
    }

    private static async Task<Results<Created<EvidenceInfo>, ProblemHttpResult>> UploadAsync(
        string id, HttpRequest request, EvidenceStore store, TimeProvider time, CancellationToken cancellation)
    {
        if (RouteChecks.BodyId(id) is { } idProblem)
        {
            return idProblem;
        }

        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
        {
            return Problems.UnsupportedMediaType(request.ContentType, "multipart/form-data（字段 file）");
        }

        // A file may be larger than the JSON limit: this endpoint alone reads up to the evidence limit (plus the form's own bytes).
        var allowed = store.MaxBytes + 64 * 1024;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = allowed + 1;
        }

        if (request.ContentLength > allowed)
        {
            return TooLarge(null, request.ContentLength.Value, store.MaxBytes);
        }

        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellation) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition() || disposition.Name.Value?.Trim('"') != "file")
                {
                    continue;
                }

                var name = Path.GetFileName((disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value) ?? "");
                var upload = await store.ReceiveAsync(section.Body, cancellation);
                if (EvidenceFileRules.Problem(name, upload.Size, store.MaxBytes, upload.Head) is { } refused)
                {
                    EvidenceStore.Discard(upload);
                    return upload.Size > store.MaxBytes ? TooLarge(name, upload.Size, store.MaxBytes) : Problems.Invalid(refused);
                }

                var info = await store.KeepAsync(upload, name, id, AccountClaims.AccountOf(request.HttpContext.User), time.GetUtcNow(), cancellation);
                return TypedResults.Created($"/api/evidence/{info.Id}", info);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(null, allowed + 1, store.MaxBytes);
        }
        catch (IOException e)
        {
            return Problems.Invalid($"上传的表单不完整：{Problems.Shorten(e.Message)}");
        }

        return Problems.Invalid("缺少上传文件：请以 multipart/form-data 的字段 file 上传佐证材料");
    }

    private static ProblemHttpResult TooLarge(string? name, long size, long max) =>
        TypedResults.Problem(EvidenceFileRules.Problem(name ?? "file.pdf", size, max, "%PDF"u8) ?? "佐证材料过大",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "佐证材料过大");

    private static async Task<IResult> DownloadAsync(string id, HttpContext http, EvidenceStore store, BodyAncestry ancestry,
        IAuthorizationService authorization, CancellationToken cancellation)
    {
        if (await store.FindAsync(id, cancellation) is not { } info)
        {
            return TypedResults.Problem($"佐证材料“{Problems.Shorten(id)}”不存在", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        }

        var body = await ancestry.ResolveAsync(info.BodyId);
        if (!(await authorization.AuthorizeAsync(http.User, body, new BodyRequirement(BodyOperation.Read))).Succeeded)
        {
            return TypedResults.Problem($"账号“{AccountClaims.AccountOf(http.User)}”无权查看机构“{info.BodyId}”的佐证材料", statusCode: StatusCodes.Status403Forbidden, title: "无权操作");
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(await store.OpenAsync(info, cancellation), info.ContentType, info.Name, enableRangeProcessing: false);
    }
}
