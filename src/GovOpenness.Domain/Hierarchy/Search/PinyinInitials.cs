namespace GovOpenness.Domain.Hierarchy.Search;

/// <summary>
/// The pinyin initials of every vendored body name ("xys" for 孝义市), computed when the divisions were
/// vendored by the npm package <c>pinyin</c> 4.0.0 (tools/scripts/pinyin/vendor-pinyin.mjs), not by a
/// table of our own. A name with heteronyms (长治 changzhi / zhangzhi) carries up to four readings.
/// </summary>
public static class PinyinInitials
{
    private static readonly Lazy<Dictionary<string, string[]>> Embedded = new(Load);

    /// <summary>The readings of a body's name, the library's default first; empty for bodies not vendored (departments).</summary>
    public static IReadOnlyList<string> Of(string bodyId) => Embedded.Value.TryGetValue(bodyId, out var r) ? r : [];

    private static Dictionary<string, string[]> Load()
    {
        var readings = new Dictionary<string, string[]>(45_000, StringComparer.Ordinal);
        foreach (var fields in DivisionCatalog.ReadTsv("divisions/pinyin-initials.tsv.gz"))
        {
            readings[fields[0]] = fields[1].Split('|', StringSplitOptions.RemoveEmptyEntries);
        }

        return readings;
    }
}
