using GovOpenness.Domain.Desk;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Server.Desk;

/// <summary>
/// The query string of a filtered list or 台账: <c>light=red&amp;overdue=true&amp;step=未签收&amp;item=2.1&amp;level=county
/// &amp;sort=overdueDays&amp;order=desc</c>. Every value is checked, and a wrong one is named in Chinese.
/// </summary>
public static class SubtreeQuery
{
    public static (SubtreeFilter? Filter, string? Error) Filter(string? light, string? overdue, string? step, string? item, string? level)
    {
        ProgressLight? l = null;
        if (!string.IsNullOrWhiteSpace(light))
        {
            l = light.Trim() switch
            {
                "red" or "红" or "红灯" => ProgressLight.Red,
                "yellow" or "黄" or "黄灯" => ProgressLight.Yellow,
                "green" or "绿" or "绿灯" => ProgressLight.Green,
                _ => null,
            };
            if (l is null)
            {
                return (null, $"light“{light}”无效：应为 red、yellow 或 green（红灯、黄灯、绿灯）");
            }
        }

        bool? o = null;
        if (!string.IsNullOrWhiteSpace(overdue))
        {
            if (!bool.TryParse(overdue, out var parsed))
            {
                return (null, $"overdue“{overdue}”无效：应为 true 或 false");
            }

            o = parsed;
        }

        DeskStep? s = null;
        if (!string.IsNullOrWhiteSpace(step))
        {
            if (!DeskNames.TryParseStep(step, out var parsed))
            {
                return (null, $"step“{step}”无效：应为 未签收、已签收、办理中、已反馈、已办结 或 退回");
            }

            s = parsed;
        }

        BodyLevel? v = null;
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (!Enum.TryParse<BodyLevel>(level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(level, out _))
            {
                return (null, $"level“{level}”无效：应为 province、prefecture、county、township 或 department");
            }

            v = parsed;
        }

        if (item is not null && (item.Length is 0 or > 32 || item.Any(char.IsWhiteSpace)))
        {
            return (null, $"item“{item}”无效：应为事项编号，如 2.1");
        }

        return (new SubtreeFilter(l, o, s, item, v), null);
    }

    public static (SubtreeSort Sort, bool Descending, string? Error) Order(string? sort, string? order)
    {
        var s = SubtreeSort.Tree;
        if (!string.IsNullOrWhiteSpace(sort) && (!Enum.TryParse(sort, ignoreCase: true, out s) || !Enum.IsDefined(s) || int.TryParse(sort, out _)))
        {
            return (default, false, $"sort“{sort}”无效：应为 {string.Join("、", Enum.GetNames<SubtreeSort>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))} 之一");
        }

        var descending = order?.Trim().ToLowerInvariant() switch
        {
            null or "" or "asc" => false,
            "desc" => true,
            _ => (bool?)null,
        };
        return descending is null
            ? (default, false, $"order“{order}”无效：应为 asc 或 desc")
            : (s, descending.Value, null);
    }
}
