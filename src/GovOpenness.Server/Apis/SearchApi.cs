using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Hierarchy.Search;
using GovOpenness.Grains.Hosting;
using GovOpenness.Server.Accounts;
using GovOpenness.Server.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// Finding a body: <c>GET /api/bodies?query=孝义</c> (name, code or pinyin initials such as xys), best
/// first (those within <c>within=</c>'s subtree first among equals), each with its path from the State Council down. Answered from the domain's in-memory index of
/// the vendored divisions: no grain is called, so a search box may ask on every keystroke. An account
/// finds only what it may read (<see cref="BodyOperation.ReadPlan"/>: its own body, its subtree and its
/// ancestors), and its own subtree's matches come first unless <c>within=</c> says otherwise.
/// </summary>
public static class SearchApi
{
    public const int DefaultTake = 20;

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bodies");
        group.MapGet("/", SearchAsync).ProducesProblems(400, 403).RequireAuthorization();
        return group;
    }

    /// <summary>The answer: the query as understood, and the matches best first.</summary>
    public sealed record SearchResult(string Query, int Count, IReadOnlyList<Found> Results);

    /// <summary>One match with its path (top down, ending with the body itself).</summary>
    public sealed record Found(string Id, string Name, BodyLevel Level, string? ParentId, BodyMatchKind MatchedBy, IReadOnlyList<PathStep> Path);

    public sealed record PathStep(string Id, string Name);

    /// <param name="within">A body whose subtree's matches come first (the user's own body, or the one on screen).</param>
    private static async Task<Results<Ok<SearchResult>, ProblemHttpResult>> SearchAsync(
        string? query, string? within, HttpContext http, BodyAncestry ancestry, IBodyCatalog catalog, int take = DefaultTake)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return Problems.Invalid("缺少查询词：请给出 query（机构名称、区划代码或拼音首字母，如 ?query=孝义、141181 或 xys）");
        }

        if (query.Length > BodySearchIndex.MaxQueryLength)
        {
            return Problems.Invalid($"查询词过长（{query.Length}个字符）：最多{BodySearchIndex.MaxQueryLength}个字符");
        }

        if (take is < 1 or > BodySearchIndex.MaxResults)
        {
            return Problems.Invalid($"take“{take}”无效：应为1到{BodySearchIndex.MaxResults}");
        }

        if (within is not null && !BodyId.TryGetLevel(within, out _, out var error))
        {
            return Problems.Invalid($"within 无效：{error}");
        }

        var accountBody = AccountClaims.BodyOf(http.User);
        if (accountBody is null)
        {
            return TypedResults.Problem("账号未关联机构，无法查找", statusCode: StatusCodes.Status403Forbidden, title: "无权操作");
        }

        var visible = await VisibleToAsync(accountBody, ancestry, catalog);
        var matches = BodySearchIndex.China.Search(query, take, within ?? accountBody, visible);
        var results = matches.Select(m => new Found(
            m.Body.Id, m.Body.Name, m.Body.Level, m.Body.ParentId, m.MatchedBy,
            [.. m.Path.Select(p => new PathStep(p.Id, p.Name))])).ToList();
        return TypedResults.Ok(new SearchResult(query.Trim(), results.Count, results));
    }

    /// <summary>
    /// What the account may find: the same rule as reading a plan (own body, subtree, ancestors), decided
    /// here without a grain call per candidate: a candidate is in the subtree when walking its parents
    /// through the catalog reaches the account's body (at most five steps).
    /// </summary>
    private static async Task<Func<Body, bool>> VisibleToAsync(string accountBody, BodyAncestry ancestry, IBodyCatalog catalog)
    {
        if (accountBody == BodyId.Nation)
        {
            return _ => true;
        }

        var ancestors = new HashSet<string>((await ancestry.ResolveAsync(accountBody)).Ancestors, StringComparer.Ordinal);
        return body =>
        {
            if (ancestors.Contains(body.Id))
            {
                return true;
            }

            for (var current = body; current is not null; current = current.ParentId is { } parent ? catalog.Find(parent) : null)
            {
                if (current.Id == accountBody)
                {
                    return true;
                }
            }

            return false;
        };
    }
}
