using System.Collections.Immutable;
using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Progress;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Rules;
using GovOpenness.Grains.State;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains;

/// <summary>
/// Leaf children that only follow, counted here (<see cref="FollowerReceipts"/>): the relay hands their
/// receipts over in batches, one journal record per parent holds them (key "{body}/{year}/followers"),
/// and each follower enters the roll-up as the full summary its own progress would give, under epoch 1,
/// below any real activation's epoch. When the child's own progress grain activates, it adopts its
/// receipt from here before its first flush, and its summary (a larger epoch) replaces the follower's.
/// </summary>
public sealed partial class ProgressGrain
{
    /// <summary>The epoch of a follower's summary held for it by its parent: older than any activation's.</summary>
    private const long FollowerEpoch = 1;

    private FollowerReceipts _followers = new();
    private long _followersVersion;
    private long _followerSequence;
    private string? _followerStamp;
    private ImmutableArray<ItemTarget> _followerTargets = [];

    /// <summary>Children that asked for their receipt (active on their own): their notes go to them.</summary>
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    private string FollowersKey => this.GetPrimaryKeyString() + "/followers";

    public async Task<IReadOnlyList<string>> NoteChildrenReceivedAsync(IReadOnlyList<ChildReceipt> receipts)
    {
        if (!_exists)
        {
            return [];
        }

        var own = receipts.Where(r => OwnsProgress(r.ChildId)).Select(r => r.ChildId).ToList();
        var followers = receipts.Where(r => !OwnsProgress(r.ChildId)).ToList();
        if (followers.Count > 0)
        {
            var next = FollowerReceipts.Deserialize(_followers.Serialize());
            var issuedOn = _progress.Milestones.PublishedOn ?? _progress.Milestones.ReceivedOn ?? followers.Min(f => f.Day);
            var changed = next.Merge(followers.Select(f => (f.ChildId, f.Day)), issuedOn);

            // Asked before the write: a failure between the write and the count left receipts stored but
            // never counted (the relay's repeat then changes nothing), so only synchronous code follows it.
            var targets = await FollowerTargetsAsync(next);
            if (changed.Count > 0)
            {
                // Stored before it counts: not stored, the relay keeps the notes and sends them again.
                _followersVersion = await AppendOrLeaveAsync(FollowersKey, next.Serialize(), _followersVersion);
                _followers = next;
            }

            // A new plan version changes every follower's items; the same version changes only the new ones.
            var retarget = UseFollowerTargets(targets);
            CountFollowers(retarget ? _followers.ChildIds : changed);

            // Claimed while the write was under way: that child keeps its own progress, so note it there too.
            own.AddRange(followers.Select(f => f.ChildId).Where(_claimed.Contains));
        }

        return own;
    }

    public Task<ChildReceipt?> GetChildReceiptAsync(string childId)
    {
        _claimed.Add(childId);
        return Task.FromResult(_followers.Find(childId) is { ReceivedOn: { } day } m ? new ChildReceipt(childId, day, m.ParentIssuedOn) : null);
    }

    /// <summary>A child that sent its own summary, or asked for its receipt, keeps its own progress.</summary>
    private bool OwnsProgress(string childId) => _knownChildren.Contains(childId) || _claimed.Contains(childId);

    /// <summary>At activation: the followers journaled here enter the roll-up before the real children are pulled.</summary>
    private async Task LoadFollowersAsync(StoredRecord? record)
    {
        _followersVersion = record?.Version ?? 0;
        _followers = record is { } r ? FollowerReceipts.Deserialize(r.Payload) : new FollowerReceipts();
        if (_followers.Count > 0)
        {
            await RefreshFollowerTargetsAsync();
            CountFollowers(_followers.ChildIds);
        }
    }

    /// <summary>A new day moves followers' lights as it moves the body's own.</summary>
    private void RecountFollowers() => CountFollowers(_followers.ChildIds);

    private void CountFollowers(IEnumerable<string> childIds)
    {
        var counted = false;
        foreach (var child in childIds)
        {
            // A child whose own activation sent its summary holds a larger epoch: this one is then ignored.
            if (_rollup.EpochOf(child) is > FollowerEpoch)
            {
                continue;
            }

            var figures = _followers.FiguresOf(child, _year, _bodyId, _followerTargets, Today, Calendar);
            _rollup.Receive(new SummaryDelta(child, _year, FollowerEpoch, 0, ++_followerSequence, figures.Counts, figures.Extremes));
            counted = true;
        }

        if (counted)
        {
            ScheduleFlush();
            SummaryMayHaveChanged();
        }
    }

    /// <summary>
    /// A follower's items are what this body hands its children, derived without changes of the child's
    /// own (the same for every follower: one derivation per plan version). True when they changed.
    /// </summary>
    private async Task<bool> RefreshFollowerTargetsAsync() => UseFollowerTargets(await FollowerTargetsAsync(_followers));

    /// <summary>The followers' items for the plan this body hands its children now; null when there is none (or no follower).</summary>
    private async Task<(string Stamp, ImmutableArray<ItemTarget> Targets)?> FollowerTargetsAsync(FollowerReceipts followers)
    {
        if (followers.Count == 0)
        {
            return null;
        }

        var delivery = await GrainFactory.GetGrain<IBodyDeliveryGrain>(_bodyId).GetDeliveryForChildAsync(_year);
        if (delivery is null)
        {
            return null;
        }

        if (delivery.Plan.Stamp == _followerStamp)
        {
            return (delivery.Plan.Stamp, _followerTargets);
        }

        var plan = PlanDerivation.Derive(followers.ChildIds.First(), delivery.Plan, delivery.Policy, [], 0, Calendar);
        return (delivery.Plan.Stamp, [.. TargetsOf(plan)]);
    }

    /// <summary>Takes the followers' items; true when they replaced others (every follower is then counted again).</summary>
    private bool UseFollowerTargets((string Stamp, ImmutableArray<ItemTarget> Targets)? targets)
    {
        if (targets is not { } t || t.Stamp == _followerStamp)
        {
            return false;
        }

        var changed = _followerStamp is not null;
        _followerStamp = t.Stamp;
        _followerTargets = t.Targets;
        return changed;
    }

    /// <summary>
    /// A child counted as a follower by its parent takes its receipt from there when it becomes active
    /// (before its first flush, so its summary replaces the follower's with the receipt in it).
    /// Not journaled here: the parent keeps it, and the next write of this record carries it.
    /// </summary>
    private Task AdoptReceiptAsync() => (_adopting ??= new OnceUnlessFailed(AdoptOnceAsync)).RunAsync();

    private OnceUnlessFailed? _adopting;

    private async Task AdoptOnceAsync()
    {
        if (!_exists || _parentId is null || _progress.Milestones.ReceivedOn is not null)
        {
            return;
        }

        if (await Progress(_parentId).GetChildReceiptAsync(_bodyId) is { } receipt)
        {
            var milestones = _progress.Milestones.EarliestOf(new PlanMilestones(ParentIssuedOn: receipt.ParentIssuedOn, ReceivedOn: receipt.Day));
            if (milestones != _progress.Milestones)
            {
                _progress = _progress with { Milestones = milestones };
                SetOwnFigures();
                SummaryMayHaveChanged();
            }
        }
    }
}
