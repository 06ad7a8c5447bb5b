using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Workspace;
using GovOpenness.Domain.Calendar;
using GovOpenness.Server.Accounts;
using GovOpenness.Server.Apis;
using GovOpenness.Server.Apis.Requests;
using GovOpenness.Server.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Workspace;

/// <summary>
/// A body's workspace: its draft of the parent's plan (saved, read, published), 催办 of bodies below it,
/// and its inbox (待办). Thin: the draft grain applies the localization rules, the inbox is read from
/// the grains that own each part (<see cref="InboxReader"/>).
/// </summary>
public static class WorkspaceApi
{
    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        var body = app.MapGroup("/api/bodies/{id}").ForKnownBodies();
        body.MapGet("/plans/{year:int}/draft", GetDraftAsync).ProducesProblems(400, 404, 409).RequireBodyAccess(BodyOperation.EditPlan);
        body.MapPost("/plans/{year:int}/draft", SaveDraftAsync).Accepts<DraftRequest>("application/json").ProducesProblems(400, 404, 409, 413, 415)
            .RequireBodyAccess(BodyOperation.EditPlan);
        body.MapPost("/plans/{year:int}/publish", PublishAsync).Accepts<PublishDraftRequest>("application/json").ProducesProblems(400, 404, 409, 413, 415)
            .RequireBodyAccess(BodyOperation.EditPlan);
        body.MapPost("/urge", UrgeAsync).Accepts<UrgeRequest>("application/json").ProducesProblems(400, 403, 404, 413, 415)
            .RequireBodyAccess(BodyOperation.UrgeFrom);
        body.MapGet("/inbox", InboxAsync).ProducesProblems(400, 404).RequireBodyAccess(BodyOperation.Read);
        return app;
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> GetDraftAsync(string id, int year, IGrainFactory grains, TimeProvider time)
    {
        if (RouteChecks.BodyAndYear(id, year) is { } routeProblem)
        {
            return routeProblem;
        }

        var result = await grains.GetGrain<IPlanDraftGrain>(IPlanDraftGrain.Key(id, year)).GetAsync(ChinaTime.Today(time));
        return result.Value is { } view ? TypedResults.Ok(view) : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> SaveDraftAsync(
        string id, int year, HttpRequest request, IGrainFactory grains, TimeProvider time, CancellationToken cancellation)
    {
        if (RouteChecks.BodyAndYear(id, year) is { } routeProblem)
        {
            return routeProblem;
        }

        var (draft, problem) = await RequestBody.ReadJsonAsync<DraftRequest>(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var command = draft!.ToCommand(ChinaTime.Today(time), AccountClaims.AccountOf(request.HttpContext.User));
        var result = await grains.GetGrain<IPlanDraftGrain>(IPlanDraftGrain.Key(id, year)).SaveAsync(command);
        return result.Value is { } view ? TypedResults.Ok(view) : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<Ok<LocalizeResult>, ProblemHttpResult>> PublishAsync(
        string id, int year, HttpRequest request, IGrainFactory grains, TimeProvider time, CancellationToken cancellation)
    {
        if (RouteChecks.BodyAndYear(id, year) is { } routeProblem)
        {
            return routeProblem;
        }

        var (publish, problem) = await RequestBody.ReadJsonAsync<PublishDraftRequest>(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var result = await grains.GetGrain<IPlanDraftGrain>(IPlanDraftGrain.Key(id, year)).PublishAsync(ChinaTime.Today(time), publish!.IfVersion);
        return result.Value is { } published ? TypedResults.Ok(published) : Problems.From(result.Failure, result.Error);
    }

    /// <summary>What an urge answers: the bodies urged.</summary>
    public sealed record UrgeResponse(string FromBodyId, IReadOnlyList<string> BodyIds, string Message);

    private static async Task<Results<Ok<UrgeResponse>, ProblemHttpResult>> UrgeAsync(
        string id, HttpRequest request, IGrainFactory grains, BodyAncestry ancestry, IAuthorizationService authorization,
        TimeProvider time, CancellationToken cancellation)
    {
        if (RouteChecks.BodyId(id) is { } idProblem)
        {
            return idProblem;
        }

        var (urge, problem) = await RequestBody.ReadJsonAsync<UrgeRequest>(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        // Every urged body must lie below the urging one, and the account must be allowed to urge it: checked
        // for all before any is urged, so a refused list urges nobody.
        var targets = urge!.BodyIds.Distinct(StringComparer.Ordinal).ToList();
        foreach (var target in targets)
        {
            if (await grains.GetGrain<IBodyGrain>(target).GetInfoAsync() is null)
            {
                return TypedResults.Problem($"机构“{Problems.Shorten(target)}”不存在", statusCode: StatusCodes.Status404NotFound, title: "未找到");
            }

            var resource = await ancestry.ResolveAsync(target);

            if (!resource.Ancestors.Contains(id, StringComparer.Ordinal)
                || !(await authorization.AuthorizeAsync(request.HttpContext.User, resource, new BodyRequirement(BodyOperation.Urge))).Succeeded)
            {
                return TypedResults.Problem($"“{id}”只能催办其下级机构：“{Problems.Shorten(target)}”不在其下", statusCode: StatusCodes.Status403Forbidden, title: "无权操作");
            }
        }

        var note = new UrgeNote(Guid.NewGuid().ToString("N"), id, AccountClaims.AccountOf(request.HttpContext.User), urge.Message.Trim(), time.GetUtcNow());
        await Task.WhenAll(targets.Select(t => grains.GetGrain<IUrgeBoxGrain>(t).ReceiveAsync(note)));
        return TypedResults.Ok(new UrgeResponse(id, targets, note.Message));
    }

    private static async Task<Results<Ok<InboxView>, ProblemHttpResult>> InboxAsync(string id, int? year, IGrainFactory grains, CancellationToken cancellation)
    {
        if (ProgressViewApi.YearProblem(id, year) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await new InboxReader(grains).ReadAsync(id, year!.Value, cancellation));
    }
}
