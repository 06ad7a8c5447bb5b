using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// One change a body makes to its parent's plan. The hierarchy is closed: the kinds below are the only
/// ones, and JSON names them with a "kind" property.
/// </summary>
/// <param name="ItemId">The parent item changed, or for <see cref="AddItem"/> the new item's id.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TightenDeadline), "tighten")]
[JsonDerivedType(typeof(SetUnits), "setUnits")]
[JsonDerivedType(typeof(Reword), "reword")]
[JsonDerivedType(typeof(Drop), "drop")]
[JsonDerivedType(typeof(AddItem), "add")]
public abstract record LocalizationChange(string ItemId)
{
    /// <summary>A short Chinese description of the change, for lists shown to supervisors.</summary>
    public abstract string Describe();
}
