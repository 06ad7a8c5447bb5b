using GovOpenness.Abstractions;
using GovOpenness.Domain.Localization;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Grains;

/// <summary>Plan milestones (received / localized / published) noted by the body grain, journaled with the progress.</summary>
public sealed partial class ProgressGrain
{
    public async Task NoteMilestoneAsync(PlanMilestoneKind kind, DateOnly day)
    {
        if (!_exists)
        {
            return;
        }

        var noted = kind switch
        {
            PlanMilestoneKind.Received => new PlanMilestones(ReceivedOn: day),
            PlanMilestoneKind.Localized => new PlanMilestones(LocalizedOn: day),
            _ => new PlanMilestones(PublishedOn: day),
        };
        if (kind == PlanMilestoneKind.Localized)
        {
            await RefreshTargetsAsync();
        }
        else
        {
            // Activated before the plan arrived (a viewer asked first): the receipt or the publish brings it.
            await EnsurePlanKnownAsync();
        }

        if (kind == PlanMilestoneKind.Received && _progress.Milestones.ParentIssuedOn is null && _parentId is not null)
        {
            // Lateness counts from the parent's issue. An upward call (allowed: the parent never calls
            // down inside one); when the parent cannot say yet, the plan was issued by the receipt at the latest.
            noted = noted with { ParentIssuedOn = await Progress(_parentId).GetIssuedOnAsync() ?? day };
        }

        var milestones = _progress.Milestones.EarliestOf(noted);
        if (milestones == _progress.Milestones)
        {
            return;
        }

        var next = _progress with { Milestones = milestones };
        // Not stored: the relay keeps the note and sends it again (a stale activation leaves first).
        await _record.WriteAsync(LocalizationJson.Serialize(next with { Targets = [] }));

        _progress = next;
        SetOwnFigures();
        SummaryMayHaveChanged();
    }

    /// <summary>Whether this activation has read its body's plan (its items are the targets).</summary>
    private bool _planKnown;

    /// <summary>
    /// An activation that found no plan (it was activated before the plan arrived) asks again until it
    /// finds one: on the receipt's note, and on any read or step meanwhile (a leaf's receipt is noted at
    /// its parent, which may not forward it). One call to the body grain each time, and none once known.
    /// </summary>
    private Task EnsurePlanKnownAsync() => _planKnown || !_exists ? Task.CompletedTask : RefreshTargetsAsync();

    // Targets are read from the plan when the grain activates, which is usually at receipt, before the
    // body localized: a localization may then tighten its own deadlines (孝义市's 7月底 for the
    // province's 11月底), so each localization reads them again. Not journaled: derived from the plan.
    private async Task RefreshTargetsAsync()
    {
        var plan = await GrainFactory.GetGrain<IBodyGrain>(_bodyId).GetPlanAsync(_year);
        if (plan.Value is not { } effective)
        {
            return;
        }

        _planKnown = true;

        var targets = TargetsOf(effective).ToList();
        if (!targets.SequenceEqual(_progress.Targets))
        {
            _progress = _progress.WithTargets(targets);
            SetOwnFigures();
            SummaryMayHaveChanged();
        }
    }

    public Task<DateOnly?> GetIssuedOnAsync() =>
        Task.FromResult(_progress.Milestones.PublishedOn ?? _progress.Milestones.ReceivedOn);
}
