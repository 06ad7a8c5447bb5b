using GovOpenness.Server.Apis.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovOpenness.Server.Apis;

/// <summary>Route and query values checked before any grain is asked (a malformed id never activates one).</summary>
internal static class RouteChecks
{
    public static ProblemHttpResult? BodyId(string id) => RequestLimits.IsBodyId(id)
        ? null
        : Problems.Fields(new Dictionary<string, string[]> { ["id"] = [$"机构编号无效“{Problems.Shorten(id)}”：应为1到{RequestLimits.IdLength}个字母、数字或 . - _"] });

    public static ProblemHttpResult? Year(int year) => year is < RequestLimits.FirstYear or > RequestLimits.LastYear
        ? Problems.Fields(new Dictionary<string, string[]> { ["year"] = [$"年度“{year}”无效：应为{RequestLimits.FirstYear}至{RequestLimits.LastYear}之间的年份"] })
        : null;

    public static ProblemHttpResult? BodyAndYear(string id, int year) => BodyId(id) ?? Year(year);
}
