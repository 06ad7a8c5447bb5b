using System.Text.Json;
using GovOpenness.Grains.Storage.Audit;
using GovOpenness.Grains.Storage.Journal;
using GovOpenness.Server.Accounts;
using GovOpenness.Server.Audit;
using Microsoft.AspNetCore.Authorization;

namespace GovOpenness.Server.Authorization;

/// <summary>
/// Guards one endpoint: resolves the body the request acts on (the route's <c>{id}</c>, or a field of the
/// JSON body), asks the authorization service whether the signed-in account may perform the operation on
/// it (403 in Chinese if not), and for writes carries the account into the grain calls (<see cref="ActContext"/>)
/// and appends the act's record before the answer leaves when the act is not a journaled step.
/// </summary>
public sealed class BodyAccessFilter(BodyOperation operation, string? bodyField) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (bodyId, step) = await TargetAsync(http);
        if (string.IsNullOrWhiteSpace(bodyId))
        {
            // No body named (malformed JSON, a missing field): the endpoint refuses that itself, with the
            // detail of what is wrong and where, before it touches any body.
            return bodyField is null
                ? TypedResults.Problem("缺少机构编码", statusCode: StatusCodes.Status400BadRequest, title: "请求内容有误")
                : await next(context);
        }

        var effective = operation == BodyOperation.Progress ? (step is "accepted" or "returned" ? BodyOperation.Review : BodyOperation.Report) : operation;
        var resource = await http.RequestServices.GetRequiredService<BodyAncestry>().ResolveAsync(bodyId);
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(http.User, resource, new BodyRequirement(effective))).Succeeded)
        {
            return Forbidden(http, bodyId, effective);
        }

        // A preview (the import's pairs) needs the right to act, but stores nothing and so records nothing.
        if (effective is BodyOperation.Read or BodyOperation.ReadPlan || http.GetEndpoint()?.Metadata.GetMetadata<Workspace.StoresNothing>() is not null)
        {
            return await next(context);
        }

        var origin = RequestOrigin.Of(http);
        ActContext.Set(AccountClaims.AccountOf(http.User)!, origin.RequestId, origin.ClientAddress);
        try
        {
            var result = await next(context);

            // Progress steps are recorded by their grain in the journal's batch, accounts by the account store; other acts
            // (evidence uploads by reporters and urges included) here.
            if (operation == BodyOperation.Progress || effective is BodyOperation.ManageAccounts || !Succeeded(result, out var value))
            {
                return result;
            }

            var time = http.RequestServices.GetRequiredService<TimeProvider>();
            var entry = ActContext.Entry(time.GetUtcNow(), bodyId, ActDescriptions.KindOf(http), ActDescriptions.Describe(http, value));
            try
            {
                await http.RequestServices.GetRequiredService<ProgressJournal>().RecordAsync(entry!);
            }
            catch (ProgressNotStoredException e)
            {
                return TypedResults.Problem($"操作已保存，但操作记录未能写入：{e.InnerException?.Message}", statusCode: StatusCodes.Status503ServiceUnavailable, title: "操作记录未写入");
            }

            return result;
        }
        finally
        {
            ActContext.Clear();
        }
    }

    private static bool Succeeded(object? result, out object? value)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        value = (result as IValueHttpResult)?.Value;
        return result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };
    }

    private async Task<(string? BodyId, string? Step)> TargetAsync(HttpContext http)
    {
        var routeId = http.Request.RouteValues.TryGetValue("id", out var id) ? id as string : null;
        if (bodyField is null && operation != BodyOperation.Progress)
        {
            return (routeId, null);
        }

        // The operation depends on the request body: read it once (buffered, capped by Kestrel's limit) and rewind.
        http.Request.EnableBuffering();
        string? field = null, step = null;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                field = bodyField is not null && document.RootElement.TryGetProperty(bodyField, out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                step = document.RootElement.TryGetProperty("step", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()?.ToLowerInvariant() : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the endpoint answers that itself, after authorization.
        }
        catch (BadHttpRequestException)
        {
        }

        http.Request.Body.Position = 0;
        return (bodyField is null ? routeId : field, step);
    }

    private static IResult Forbidden(HttpContext http, string bodyId, BodyOperation operation)
    {
        var account = AccountClaims.AccountOf(http.User);
        var what = operation switch
        {
            BodyOperation.Read or BodyOperation.ReadPlan => "查看",
            BodyOperation.EditPlan => "编制（发布、调整、导入）工作要点",
            BodyOperation.Report => "填报进度（签收、办理、反馈）",
            BodyOperation.Review => "复核（通过、退回）",
            BodyOperation.Urge or BodyOperation.UrgeFrom => "催办",
            BodyOperation.ManageAccounts => "管理账号",
            BodyOperation.AddDepartment => "新增部门",
            _ => "操作",
        };
        return TypedResults.Problem($"账号“{account}”（{AccountClaims.BodyOf(http.User)}）无权{what}：机构“{bodyId}”", statusCode: StatusCodes.Status403Forbidden, title: "无权操作");
    }
}

/// <summary>One line per endpoint or group: <c>.RequireBodyAccess(BodyOperation.EditPlan)</c>.</summary>
public static class BodyAccessExtensions
{
    /// <summary>Requires a signed-in account allowed <paramref name="operation"/> on the route's body (or the JSON field <paramref name="bodyField"/>).</summary>
    public static TBuilder RequireBodyAccess<TBuilder>(this TBuilder builder, BodyOperation operation, string? bodyField = null)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        builder.AddEndpointFilter(new BodyAccessFilter(operation, bodyField));
        return builder;
    }
}
