using System.Diagnostics.CodeAnalysis;

namespace GovOpenness.Domain.Hierarchy;

/// <summary>
/// Reads body ids: "cn" for the State Council, GB/T 2260 division codes (2, 4, 6, 9 or 12 digits),
/// and departments as "{division code}.{ascii key}" such as "14.sthj" (山西省生态环境厅).
/// </summary>
public static class BodyId
{
    public const string Nation = "cn";

    /// <summary>The level an id denotes, or an error in Chinese saying what is wrong with it.</summary>
    public static bool TryGetLevel(string? id, out BodyLevel level, [NotNullWhen(false)] out string? error)
    {
        level = default;
        error = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            error = "机构编码为空";
            return false;
        }

        if (id == Nation)
        {
            level = BodyLevel.Nation;
            return true;
        }

        var dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var owner = id[..dot];
            var key = id[(dot + 1)..];
            if (!TryGetLevel(owner, out var ownerLevel, out _) || ownerLevel is BodyLevel.Village or BodyLevel.Department)
            {
                error = $"部门编码“{id}”的前半部分“{owner}”不是有效的行政区划代码";
                return false;
            }

            if (key.Length is 0 or > 32 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                error = $"部门编码“{id}”的后半部分须为1到32位英文字母、数字、-或_";
                return false;
            }

            level = BodyLevel.Department;
            return true;
        }

        if (!id.All(char.IsAsciiDigit))
        {
            error = $"“{id}”不是有效的机构编码：应为 cn、行政区划代码或“区划代码.部门简称”";
            return false;
        }

        switch (id.Length)
        {
            case 2: level = BodyLevel.Province; return true;
            case 4: level = BodyLevel.Prefecture; return true;
            case 6: level = BodyLevel.County; return true;
            case 9: level = BodyLevel.Township; return true;
            case 12: level = BodyLevel.Village; return true;
            default:
                error = $"行政区划代码“{id}”的位数（{id.Length}）不对：应为2、4、6、9或12位";
                return false;
        }
    }

    /// <summary>The government a department belongs to ("14" for "14.sthj"); null for other ids.</summary>
    public static string? OwnerOfDepartment(string id)
    {
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? id[..dot] : null;
    }
}
