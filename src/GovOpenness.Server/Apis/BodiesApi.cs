using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Bodies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>The hierarchy: a body with its parent and a page of its children; adding departments.</summary>
public static class BodiesApi
{
    public static IEndpointRouteBuilder MapBodiesApi(this IEndpointRouteBuilder app)
    {
        var bodies = app.MapGroup("/api/bodies");
        bodies.MapGet("/{id}", GetAsync).ProducesProblems(400, 404);
        bodies.MapPost("/", AddDepartmentAsync).Accepts<DepartmentRegistration>("application/json").ProducesProblems(400, 404, 409, 413, 415);
        return app;
    }

    private static async Task<Results<Ok<BodyView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, int skip = 0, int take = 100)
    {
        var result = await grains.GetGrain<IBodyGrain>(id).GetViewAsync(skip, take);
        return result.Value is { } view ? TypedResults.Ok(view) : Problems.From(result.Failure, result.Error);
    }

    private static async Task<Results<Created<BodyInfo>, ProblemHttpResult>> AddDepartmentAsync(HttpRequest request, IGrainFactory grains, CancellationToken cancellation)
    {
        var (registration, problem) = await RequestBody.ReadJsonAsync<DepartmentRegistration>(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(registration!.Id) || string.IsNullOrWhiteSpace(registration.ParentId))
        {
            return Problems.Invalid("新增部门须给出 id（如“14.sthj”）、name 和 parentId");
        }

        var result = await grains.GetGrain<IBodyGrain>(registration.Id).RegisterDepartmentAsync(registration);
        return result.Value is { } body
            ? TypedResults.Created($"/api/bodies/{body.Id}", body)
            : Problems.From(result.Failure, result.Error);
    }
}
