using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Localization;

/// <summary>Why a child's change needs a person's attention after its parent published a revision.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConflictKind>))]
public enum ConflictKind
{
    /// <summary>The parent removed an item the child had changed; the change is not carried over.</summary>
    [JsonStringEnumMemberName("parentRemovedItem")]
    ParentRemovedItem,

    /// <summary>The parent reworded an item the child had reworded; the child's wording is kept.</summary>
    [JsonStringEnumMemberName("parentReworded")]
    ParentReworded,

    /// <summary>The parent changed the units of an item the child had set units for; the child's are kept.</summary>
    [JsonStringEnumMemberName("parentChangedUnits")]
    ParentChangedUnits,

    /// <summary>The parent moved its deadline earlier than the child's; the parent's applies and the
    /// child's change is not carried over.</summary>
    [JsonStringEnumMemberName("deadlineNowLaterThanParent")]
    DeadlineNowLaterThanParent,

    /// <summary>The parent changed the deadlines of an item so the child's deadline change no longer
    /// names one; the change is not carried over.</summary>
    [JsonStringEnumMemberName("parentChangedDeadlines")]
    ParentChangedDeadlines,

    /// <summary>The parent moved a deadline the child has an approved exception for; it is kept but
    /// should be approved again.</summary>
    [JsonStringEnumMemberName("exceptionNeedsReview")]
    ExceptionNeedsReview,

    /// <summary>The parent changed an item the child had dropped; the drop is kept, its reason should be
    /// checked.</summary>
    [JsonStringEnumMemberName("parentChangedDroppedItem")]
    ParentChangedDroppedItem,

    /// <summary>The item the child's own item followed is gone; it now follows the nearest item left.</summary>
    [JsonStringEnumMemberName("anchorRemoved")]
    AnchorRemoved,

    /// <summary>The parent renumbered an item the child had changed; the change follows it to its new id.</summary>
    [JsonStringEnumMemberName("itemRenumbered")]
    ItemRenumbered,

    /// <summary>The child's change names an item the old parent plan did not have either.</summary>
    [JsonStringEnumMemberName("unknownItem")]
    UnknownItem,

    /// <summary>The parent now has an item with the id of one the child added; the child's is not carried over.</summary>
    [JsonStringEnumMemberName("localIdTaken")]
    LocalIdTaken,
}
