using GovOpenness.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>RFC 7807 problem details with Chinese titles; the detail says what and where.</summary>
internal static class Problems
{
    public static ProblemHttpResult From(FailureKind kind, string? detail) => kind switch
    {
        FailureKind.NotFound => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "未找到"),
        FailureKind.Conflict => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "与现有数据冲突"),
        FailureKind.Unavailable => TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "暂时无法保存"),
        _ => Invalid(detail),
    };

    public static ProblemHttpResult Invalid(string? detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "请求内容有误");

    public static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem($"请求内容超过上限（{maxBytes}字节）", statusCode: StatusCodes.Status413PayloadTooLarge, title: "请求内容过大");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        TypedResults.Problem($"不支持的内容类型“{contentType}”：发布计划请用 text/plain（公文全文）或 application/json",
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "内容类型不支持");
}
