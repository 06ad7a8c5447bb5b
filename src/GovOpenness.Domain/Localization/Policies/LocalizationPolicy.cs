using System.Collections.Immutable;
using System.Text.Json.Serialization;
using GovOpenness.Domain.Calendar;

namespace GovOpenness.Domain.Localization;

/// <summary>
/// A rule by which a body adopts its parent's plan automatically, e.g. "every deadline 5 working days
/// before the parent's". A body may store its policy (a few dozen bytes of JSON) instead of the changes
/// it generates: the changes are derived from the parent's plan, so they need no storage, and they
/// follow a parent revision by simply applying the policy again.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(AdoptAsIs), "adoptAsIs")]
[JsonDerivedType(typeof(WorkingDaysBeforeParent), "workingDaysBeforeParent")]
[JsonDerivedType(typeof(MonthsEarlier), "monthsEarlier")]
[JsonDerivedType(typeof(EndOfMonth), "endOfMonth")]
[JsonDerivedType(typeof(UnitsFromMapping), "unitsFromMapping")]
[JsonDerivedType(typeof(RenameUnits), "renameUnits")]
[JsonDerivedType(typeof(CompositePolicy), "all")]
public abstract record LocalizationPolicy
{
    /// <summary>The changes the policy makes to the parent's plan for the body <paramref name="bodyId"/>
    /// (rules with a per-body draw need it; the others ignore it).</summary>
    public abstract IEnumerable<LocalizationChange> Changes(PublishedPlan parent, WorkingDayCalendar calendar, string? bodyId = null);

    /// <summary>The localization the policy produces for the parent's plan.</summary>
    public PlanLocalization Apply(PublishedPlan parent, WorkingDayCalendar? calendar = null, string? bodyId = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return new PlanLocalization(parent.BodyId, parent.Year, parent.Version, PolicyChanges.Combine(Changes(parent, calendar ?? WorkingDayCalendar.China, bodyId)));
    }

    /// <summary>
    /// The policy's changes with the body's own on top: the body's units, wording, drops and items win,
    /// and for a deadline the earlier date wins (an approved exception of the body's wins outright).
    /// The result is based on <paramref name="parent"/>'s version and keeps the body's own title.
    /// </summary>
    public PlanLocalization Apply(PublishedPlan parent, PlanLocalization own, WorkingDayCalendar? calendar = null, string? bodyId = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(own);
        var changes = Changes(parent, calendar ?? WorkingDayCalendar.China, bodyId).Concat(own.Changes);
        return own with { ParentBodyId = parent.BodyId, ParentYear = parent.Year, ParentVersion = parent.Version, Changes = PolicyChanges.Combine(changes) };
    }

    /// <summary>This policy followed by <paramref name="next"/>.</summary>
    public LocalizationPolicy Then(LocalizationPolicy next) => new CompositePolicy([this, next]);
}
