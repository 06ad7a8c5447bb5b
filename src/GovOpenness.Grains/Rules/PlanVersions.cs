namespace GovOpenness.Grains.Rules;

/// <summary>
/// Says what changed between two versions of a plan. A stamp is the origin's version and each level's
/// revision below it: "14@3>1>2" is 山西省's 3rd publication, revised once by the next level and twice here.
/// </summary>
internal static class PlanVersions
{
    public static string Describe(string bodyId, int year, string expected, string? current)
    {
        if (current is null)
        {
            return $"“{bodyId}”{year}年计划的版本已变：请求基于“{expected}”，现在没有该年计划";
        }

        var was = expected.Split('>');
        var now = current.Split('>');
        var level = Enumerable.Range(0, Math.Min(was.Length, now.Length)).FirstOrDefault(i => was[i] != now[i], Math.Min(was.Length, now.Length));
        var what = level switch
        {
            0 => $"发文机构重新发布了计划（{now[0]}）",
            _ when level == now.Length - 1 => $"本级计划已被修改（第{now[^1]}次修订）",
            _ => "上级修订了计划",
        };
        return $"“{bodyId}”{year}年计划在此期间已变更：{what}。请求基于版本“{expected}”，当前版本为“{current}”；请重新读取计划后再提交";
    }
}
