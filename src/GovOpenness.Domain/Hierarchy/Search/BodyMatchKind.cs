namespace GovOpenness.Domain.Hierarchy.Search;

/// <summary>What of a body matched a search, in JSON "name", "code" or "pinyin".</summary>
public enum BodyMatchKind
{
    /// <summary>The name (孝义 → 孝义市), traditional script folded to simplified.</summary>
    Name = 0,

    /// <summary>The division code or department id (1411 → 吕梁市 and its subtree).</summary>
    Code = 1,

    /// <summary>The pinyin initials of the name (xys → 孝义市).</summary>
    Pinyin = 2,
}
