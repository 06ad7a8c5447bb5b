using GovOpenness.Domain.Text;

namespace GovOpenness.Domain.Hierarchy;

/// <summary>
/// Names and ids for departments a 分工方案 names before they exist as bodies: "省教育厅" under 山西省 (14)
/// becomes "山西省教育厅" with id "14.jy", like the existing "14.sthj" 山西省生态环境厅 — the pinyin
/// initials of the name without its government's name and its kind of office (厅, 局, 委员会…).
/// </summary>
public static class DepartmentCodes
{
    private const int FirstHan = 0x4E00;
    private const int MaxKeyLength = 32;

    /// <summary>Kinds of office a department's name ends with, longest first; not part of its key.</summary>
    private static readonly string[] OfficeKinds = ["委员会", "办公室", "办公厅", "管理局", "厅", "局", "委", "办"];

    private static readonly Lazy<string> Initials = new(LoadInitials);

    /// <summary>
    /// The department's full name: a name written with its government's level ("省教育厅", "市财政局") takes
    /// the government's name ("山西省教育厅"); a name that already starts with it, or names no level, is kept.
    /// </summary>
    public static string FullName(string governmentName, string written)
    {
        var name = Compact(written);
        var government = Compact(governmentName);
        if (government.Length == 0 || name.StartsWith(government, StringComparison.Ordinal))
        {
            return name;
        }

        var level = government[^1];
        return name.Length > 1 && name[0] == level && level is '省' or '市' or '县' or '区' ? government + name[1..] : name;
    }

    /// <summary>
    /// The department's id under <paramref name="governmentId"/>: "{governmentId}.{initials}", with 2, 3…
    /// appended while <paramref name="taken"/> says the id belongs to another department.
    /// </summary>
    public static string Id(string governmentId, string governmentName, string fullName, Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var key = Key(governmentName, fullName);
        var id = $"{governmentId}.{key}";
        for (var n = 2; taken(id); n++)
        {
            var suffix = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            id = $"{governmentId}.{key[..Math.Min(key.Length, MaxKeyLength - suffix.Length)]}{suffix}";
        }

        return id;
    }

    /// <summary>The ASCII key: pinyin initials of the name's core (ASCII letters and digits kept, lower case).</summary>
    public static string Key(string governmentName, string fullName)
    {
        var core = Compact(fullName);
        var government = Compact(governmentName);
        if (government.Length > 0 && core.StartsWith(government, StringComparison.Ordinal) && core.Length > government.Length)
        {
            core = core[government.Length..];
        }

        foreach (var kind in OfficeKinds)
        {
            if (core.Length >= kind.Length + 2 && core.EndsWith(kind, StringComparison.Ordinal))
            {
                core = core[..^kind.Length];
                break;
            }
        }

        var initials = Initials.Value;
        var key = new System.Text.StringBuilder();
        foreach (var c in core)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (c - FirstHan is var offset && offset >= 0 && offset < initials.Length && initials[offset] != '_')
            {
                key.Append(initials[offset]);
            }
        }

        var text = key.Length == 0 ? "bm" : key.ToString();
        return text.Length > MaxKeyLength ? text[..MaxKeyLength] : text;
    }

    private static string Compact(string name) => string.Concat(ChineseText.Normalize(name).Where(c => !char.IsWhiteSpace(c)));

    private static string LoadInitials()
    {
        using var stream = typeof(DepartmentCodes).Assembly.GetManifestResourceStream("divisions/pinyin-initials.txt")
            ?? throw new InvalidOperationException("embedded resource divisions/pinyin-initials.txt is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
