namespace GovOpenness.Domain.Localization;

/// <summary>Rewords an item for the body; a null part keeps the parent's wording.</summary>
public sealed record Reword(string ItemId, string? Heading = null, string? Text = null) : LocalizationChange(ItemId)
{
    public override string Describe() => Heading is null ? "修改表述" : $"修改表述为“{Heading}”";
}
