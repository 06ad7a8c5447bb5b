using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Domain.Alignment;
using GovOpenness.Domain.Parsing;
using GovOpenness.Domain.Plans;
using GovOpenness.Server.Authorization;
using GovOpenness.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// Importing a province's 分工方案 (issue 15): the table is aligned with the body's own plan for the year,
/// and each of its departments the table names gets exactly the items it leads or cooperates on,
/// recorded as that department's localization (the same grain call as <c>POST …/localize</c>). Names
/// no department matches are listed, never guessed; a second request confirms which of them to create
/// (<c>?create=省教育厅&amp;create=…</c>): they become departments of the body ("14.jy" 山西省教育厅), then
/// take their share like the others. Retrying creates nothing twice.
/// </summary>
public static class DivisionImportApi
{
    private const int PageSize = 500;
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static IEndpointRouteBuilder MapDivisionImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/bodies/{id}/plans/{year:int}/division", ImportAsync).ForKnownBodies().Accepts<string>("text/plain")
            .ProducesProblems(400, 404, 409, 413, 415, 429).RequireRateLimiting(HttpProtection.CostlyPolicy)
            .RequireBodyAccess(BodyOperation.EditPlan);
        return app;
    }

    /// <summary>One department's outcome: what it was given, and whether recording it succeeded.</summary>
    public sealed record DepartmentOutcome(string Id, string Name, IReadOnlyList<string> Named, IReadOnlyList<string> Leads,
        IReadOnlyList<string> Cooperates, int Changes, string? Error, IReadOnlyList<string> Warnings);

    /// <summary>A department created on confirmation: its id and name, and the name the table wrote.</summary>
    public sealed record CreatedDepartment(string Id, string Name, string Written);

    /// <summary>What importing answers.</summary>
    public sealed record DivisionResponse(IReadOnlyList<DepartmentOutcome> Departments, IReadOnlyList<string> Unmatched,
        IReadOnlyList<string> Collective, IReadOnlyList<string> UnpairedRows, IReadOnlyList<CreatedDepartment> Created);

    private const int MaxCreate = 200;

    private static async Task<Results<Ok<DivisionResponse>, ProblemHttpResult>> ImportAsync(
        string id, int year, HttpRequest request, IGrainFactory grains, TimeProvider time, CancellationToken cancellation,
        [Microsoft.AspNetCore.Mvc.FromQuery] string[]? create = null)
    {
        create ??= [];
        if (create.Length > MaxCreate || create.Any(n => string.IsNullOrWhiteSpace(n) || n.Trim().Length > 100))
        {
            return Problems.Fields(new Dictionary<string, string[]> { ["create"] = [$"须为1到{MaxCreate}个部门名称，每个1到100个字"] });
        }

        if (!(request.ContentType ?? "").StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"不支持的内容类型“{request.ContentType}”：导入分工方案请用 text/plain（公文全文）",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "内容类型不支持");
        }

        var (bytes, problem) = await RequestBody.ReadBytesAsync(request, cancellation);
        if (problem is not null)
        {
            return problem;
        }

        PlanDocument division;
        try
        {
            division = PlanParser.Parse(PlanTextDecoder.Decode(bytes), new PlanParseOptions(year));
        }
        catch (PlanParseException e)
        {
            return Problems.Invalid(e.Line is int line ? $"无法解析分工方案（第{line}行）：{e.Message}" : $"无法解析分工方案：{e.Message}");
        }

        var body = grains.GetGrain<IBodyGrain>(id);
        if (await body.GetInfoAsync() is not { } government)
        {
            return Problems.From(FailureKind.NotFound, $"机构“{id}”不存在");
        }

        var plan = await body.GetPlanAsync(year);
        if (plan.Value is not { } effective)
        {
            return plan.Failure == FailureKind.NotFound
                ? Problems.From(FailureKind.Conflict, $"机构“{id}”尚无{year}年工作要点，无法按分工方案分解")
                : Problems.From(plan.Failure, plan.Error);
        }

        var departments = await DepartmentsAsync(body);
        var province = effective.ToPublishedPlan();
        var result = DivisionPlanCascade.Split(province, division, departments);
        var created = new List<CreatedDepartment>();
        if (create.Length > 0)
        {
            var creation = DivisionDepartmentCreation.Prepare(result, create, departments, id, government.Name);
            if (creation.Unknown.Count > 0)
            {
                return Problems.Fields(new Dictionary<string, string[]>
                {
                    ["create"] = [$"分工方案未列为未匹配的名称：{string.Join("、", creation.Unknown.Select(n => $"“{n}”"))}"
                        + (result.Unmatched.Count > 0 ? $"（可新建：{string.Join("、", result.Unmatched)}）" : "（本方案没有未匹配的名称）")],
                });
            }

            foreach (var (written, department) in creation.Create)
            {
                var registered = await grains.GetGrain<IBodyGrain>(department.Id)
                    .RegisterDepartmentAsync(new GovOpenness.Abstractions.Bodies.DepartmentRegistration(department.Id, department.Name, id));
                if (registered.Value is null)
                {
                    return Problems.From(registered.Failure, $"新建部门“{department.Name}”（{department.Id}）失败：{registered.Error}");
                }

                created.Add(new CreatedDepartment(department.Id, department.Name, written));
            }

            if (created.Count > 0)
            {
                departments = [.. departments, .. creation.Create.Select(c => c.Department)];
                result = DivisionPlanCascade.Split(province, division, departments);
            }
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
        var outcomes = new List<DepartmentOutcome>();
        foreach (var share in result.Shares)
        {
            var changes = share.Localization.Changes.Select(ItemChange.From).ToList();
            var localized = await grains.GetGrain<IBodyGrain>(share.Department.Id).LocalizeAsync(new LocalizeCommand(year, changes, null, today));
            outcomes.Add(new DepartmentOutcome(share.Department.Id, share.Department.Name, share.Named, share.Leads, share.Cooperates,
                changes.Count, localized.Value is null ? localized.Error : null, localized.Value?.Warnings ?? []));
        }

        return TypedResults.Ok(new DivisionResponse(outcomes, result.Unmatched, result.Collective, result.UnpairedRows, created));
    }

    /// <summary>The body's departments ("14.sthj" under "14"), paged through its view.</summary>
    private static async Task<List<DivisionDepartment>> DepartmentsAsync(IBodyGrain body)
    {
        var departments = new List<DivisionDepartment>();
        for (var skip = 0; ; skip += PageSize)
        {
            var view = await body.GetViewAsync(skip, PageSize);
            if (view.Value is not { } page)
            {
                return departments;
            }

            departments.AddRange(page.Children.Where(c => c.Id.Contains('.', StringComparison.Ordinal)).Select(c => new DivisionDepartment(c.Id, c.Name)));
            if (skip + page.Children.Count >= page.ChildCount || page.Children.Count == 0)
            {
                return departments;
            }
        }
    }
}
