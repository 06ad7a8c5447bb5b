using SkiaSharp;

namespace GovOpenness.Cli.Simulation;

/// <summary>
/// Picks an installed font that can draw the charts' Chinese labels. PNGs are rasterized here, so a
/// font without CJK glyphs gives boxes (SVGs name the font and let the viewer's machine draw them).
/// </summary>
internal static class CjkFont
{
    // Common families first (Debian's fonts-noto-cjk, Adobe's release of the same, WenQuanYi, and the
    // Windows and macOS defaults), then whatever fontconfig offers for a Chinese character.
    private static readonly string[] Preferred =
    [
        "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Noto Serif CJK SC",
        "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
    ];

    private const string Probe = "政务公开工作要点各层级时限分布";

    /// <summary>The family name of an installed CJK font, or null when none is installed.</summary>
    public static string? Find()
    {
        var manager = SKFontManager.Default;
        foreach (var family in Preferred)
        {
            using var typeface = manager.MatchFamily(family);
            if (CanDraw(typeface, family))
            {
                return typeface!.FamilyName;
            }
        }

        using var matched = manager.MatchCharacter('政');
        return CanDraw(matched, null) ? matched!.FamilyName : null;
    }

    /// <summary>What to tell the user when no CJK font is installed.</summary>
    public const string MissingWarning =
        "警告：本机未安装可显示中文的字体，PNG 图表中的中文会显示为方框（SVG 图表不受影响）。" +
        "请安装中文字体后重新生成，例如 Debian/Ubuntu：sudo apt-get install fonts-noto-cjk";

    // MatchFamily falls back to a default typeface for unknown names: check the name and the glyphs.
    private static bool CanDraw(SKTypeface? typeface, string? family) =>
        typeface is not null
        && (family is null || string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase))
        && typeface.ContainsGlyphs(Probe);
}
