namespace GovOpenness.Domain.Localization;

/// <summary>
/// Drops an item (and everything numbered under it) for the body, with the reason a supervisor will
/// read, e.g. "本级不涉及". The reason is required: dropping silently is 打折扣.
/// </summary>
public sealed record Drop(string ItemId, string Reason) : LocalizationChange(ItemId)
{
    public override string Describe() => $"不执行：{Reason}";
}
