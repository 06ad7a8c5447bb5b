using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Bodies;
using GovOpenness.Server.Authorization;
using GovOpenness.Server.Apis.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>The hierarchy: a body with its parent and a page of its children; adding departments.</summary>
public static class BodiesApi
{
    public static IEndpointRouteBuilder MapBodiesApi(this IEndpointRouteBuilder app)
    {
        var bodies = app.MapGroup("/api/bodies");
        bodies.MapGet("/{id}", GetAsync).ForKnownBodies().ProducesProblems(400, 404).RequireBodyAccess(BodyOperation.Read);
        bodies.MapPost("/", AddDepartmentAsync).Accepts<DepartmentRequest>("application/json").ProducesProblems(400, 404, 409, 413, 415)
            .RequireBodyAccess(BodyOperation.AddDepartment, bodyField: "parentId");
        return app;
    }

    private static async Task<Results<Ok<BodyView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, int skip = 0, int take = 100)
    {
        if (RouteChecks.BodyId(id) is { } idProblem)
        {
            return idProblem;
        }

        if (skip < 0 || take is < 0 or > 1000)
        {
            return Problems.Fields(new Dictionary<string, string[]> { [skip < 0 ? "skip" : "take"] = [skip < 0 ? "不能为负数" : "每页应为0到1000个下级机构（0：只取本机构）"] });
        }

        var result = await grains.GetGrain<IBodyGrain>(id).GetViewAsync(skip, take);
        return result.Value is { } view ? TypedResults.Ok(view) : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<Created<BodyInfo>, ProblemHttpResult>> AddDepartmentAsync(HttpRequest request, IGrainFactory grains, CancellationToken cancellation)
    {
        var (department, problem) = await RequestBody.ReadJsonAsync<DepartmentRequest>(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        var registration = department!.ToRegistration();
        var result = await grains.GetGrain<IBodyGrain>(registration.Id).RegisterDepartmentAsync(registration);
        return result.Value is { } body
            ? TypedResults.Created($"/api/bodies/{body.Id}", body)
            : Problems.From(result.Failure, result.Error);
    }
}
