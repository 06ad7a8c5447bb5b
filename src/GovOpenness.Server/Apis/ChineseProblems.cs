using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace GovOpenness.Server.Apis;

/// <summary>
/// The problems the framework writes itself (a query value that does not bind, an unknown route, a wrong
/// method, an unhandled error) get a Chinese title and detail too, and never the exception's text.
/// </summary>
internal static partial class ChineseProblems
{
    public static void Configure(IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Customize);
        // A query or route value that does not bind (?year=abc) is the client's mistake: 400, not 500.
        services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
    }

    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (context.Exception is BadHttpRequestException bad)
        {
            problem.Title = "请求内容有误";
            problem.Detail = ParameterName().Match(bad.Message) is { Success: true } m
                ? $"参数 {m.Groups[1].Value} 的值格式不对（如年度、skip、take 应为整数）"
                : "请求格式不对";
            return;
        }

        if (problem.Title is null || !ContainsChinese(problem.Title))
        {
            problem.Title = problem.Status switch
            {
                400 => "请求内容有误",
                404 => "未找到",
                405 => "不支持该请求方法",
                413 => "请求内容过大",
                415 => "内容类型不支持",
                429 => "请求过多",
                >= 500 => "服务器内部错误",
                _ => "请求未能完成",
            };
        }

        if (context.Exception is not null)
        {
            problem.Detail = "服务器处理请求时出错，请稍后重试";
        }
    }

    private static bool ContainsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [GeneratedRegex(@"parameter ""\S+ (\w+)""")]
    private static partial Regex ParameterName();
}
