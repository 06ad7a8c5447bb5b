using System.Globalization;
using GovOpenness.Grains.Storage.Audit;
using GovOpenness.Server.Apis;
using GovOpenness.Server.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Audit;

/// <summary><c>GET /api/bodies/{id}/history?from&amp;to&amp;kind</c>: the body's record (留痕), newest first, for whoever reads the body.</summary>
public static class HistoryApi
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bodies/{id}/history", GetAsync).RequireBodyAccess(BodyOperation.Read);
        return app;
    }

    public sealed record HistoryEntry(long Seq, DateTimeOffset At, string Account, string? BodyId, string Kind, string Summary, string? RequestId, string? ClientAddress, string Hash);

    private static async Task<Results<Ok<HistoryEntry[]>, ProblemHttpResult>> GetAsync(
        string id, AuditReader reader, HttpContext http, string? from = null, string? to = null, string? kind = null)
    {
        if (!TryParse(from, "from", out var start, out var problem) || !TryParse(to, "to", out var end, out problem))
        {
            return problem!;
        }

        if (kind is not null && !AuditKinds.All.Contains(kind))
        {
            return Problems.Invalid($"kind“{kind}”无效：应为 {string.Join("、", AuditKinds.All)} 之一");
        }

        var records = await reader.HistoryAsync(id, start, end, kind, http.RequestAborted);
        return TypedResults.Ok(records.Select(r => new HistoryEntry(r.Seq, r.Entry.At.ToOffset(ChinaOffset), r.Entry.Account, r.Entry.BodyId, r.Entry.Kind,
            r.Entry.Summary, r.Entry.RequestId, r.Entry.ClientAddress, r.Hash)).ToArray());
    }

    /// <summary>A date (2022-08-15, the whole day in China) or a date-time with offset.</summary>
    private static bool TryParse(string? text, string name, out DateTimeOffset? value, out ProblemHttpResult? problem)
    {
        (value, problem) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ChinaOffset);
            value = name == "to" ? start.AddDays(1) : start;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            value = at;
            return true;
        }

        problem = Problems.Invalid($"{name}“{text}”无效：应为日期（如 2022-08-15）或带时区的时间");
        return false;
    }
}
