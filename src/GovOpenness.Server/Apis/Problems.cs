using GovOpenness.Abstractions;
using GovOpenness.Server.Apis.Requests;
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

    /// <summary>A 400 naming each bad field (JSON path) with its reason, also as <c>errors</c> for programs.</summary>
    public static ProblemHttpResult Fields(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(
            "请求内容有误：" + string.Join("；", errors.Select(e => $"{FieldNames.Label(e.Key)}：{e.Value[0]}")),
            statusCode: StatusCodes.Status400BadRequest,
            title: "请求内容有误",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult UnsupportedMediaType(string? contentType, string accepted = "text/plain（公文全文）或 application/json") =>
        TypedResults.Problem($"不支持的内容类型“{Shorten(contentType)}”：请用 {accepted}",
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "内容类型不支持");

    /// <summary>Input quoted back is cut short: a problem never echoes a huge value.</summary>
    public static string Shorten(string? value) => value is null ? "" : value.Length > 60 ? value[..60] + "…" : value;
}
