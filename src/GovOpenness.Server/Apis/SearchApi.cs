using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Hierarchy.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>
/// Finding a body: <c>GET /api/bodies?query=孝义</c> (name, code or pinyin initials such as xys), best
/// first (those within <c>within=</c>'s subtree first among equals), each with its path from the State Council down. Answered from the domain's in-memory index of
/// the vendored divisions: no grain is called, so a search box may ask on every keystroke.
/// </summary>
public static class SearchApi
{
    public const int DefaultTake = 20;

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bodies");
        group.MapGet("/", Search);
        return group;
    }

    /// <summary>The answer: the query as understood, and the matches best first.</summary>
    public sealed record SearchResult(string Query, int Count, IReadOnlyList<Found> Results);

    /// <summary>One match with its path (top down, ending with the body itself).</summary>
    public sealed record Found(string Id, string Name, BodyLevel Level, string? ParentId, BodyMatchKind MatchedBy, IReadOnlyList<PathStep> Path);

    public sealed record PathStep(string Id, string Name);

    /// <param name="within">A body whose subtree's matches come first (the user's own body, or the one on screen).</param>
    private static Results<Ok<SearchResult>, ProblemHttpResult> Search(string? query, string? within, int take = DefaultTake)
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

        var matches = BodySearchIndex.China.Search(query, take, within);
        var results = matches.Select(m => new Found(
            m.Body.Id, m.Body.Name, m.Body.Level, m.Body.ParentId, m.MatchedBy,
            [.. m.Path.Select(p => new PathStep(p.Id, p.Name))])).ToList();
        return TypedResults.Ok(new SearchResult(query.Trim(), results.Count, results));
    }
}
