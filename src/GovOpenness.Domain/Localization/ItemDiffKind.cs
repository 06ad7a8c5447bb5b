using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Localization;

/// <summary>How an item of a body's plan differs from its parent's.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemDiffKind>))]
public enum ItemDiffKind
{
    /// <summary>A parent item the body changed (deadline, units or wording).</summary>
    [JsonStringEnumMemberName("changed")]
    Changed,

    /// <summary>A parent item the body does not carry out.</summary>
    [JsonStringEnumMemberName("dropped")]
    Dropped,

    /// <summary>An item the body added itself.</summary>
    [JsonStringEnumMemberName("added")]
    Added,
}
