using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Progress;
using GovOpenness.Domain.Calendar;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Rules;
using GovOpenness.Grains.Storage.Journal;

namespace GovOpenness.Grains.Pipeline;

/// <summary>
/// One job of the progress grain: keeping its followers (<see cref="FollowerSummaries"/>) counted in its
/// roll-up. It takes the relay's batches of leaf receipts and tells which belong to a child that keeps its
/// own progress (those notes go to the child itself), derives the followers' items once per plan version
/// (what this body hands its children), and counts them again on a new day. Kept apart from the receipts'
/// store so the orchestration — which grain is asked when, and what is written before what counts — is
/// tested on its own (<c>FollowerRollupTests</c>).
/// </summary>
/// <param name="issuedOn">The day this body issued the plan (published, else received; null: not yet).</param>
/// <param name="delivery">The body grain's plan as it hands it to its children (null: none yet).</param>
/// <param name="owe">Followers were counted: a delta is owed to the parent.</param>
/// <param name="changed">The summary may have changed: the live push.</param>
internal sealed class FollowerRollup(
    FollowerSummaries followers,
    ChildrenList children,
    SubtreeRollup rollup,
    ProgressClock clock,
    Func<DateOnly?> issuedOn,
    Func<Task<PlanDelivery?>> delivery,
    Action owe,
    Action changed)
{
    private DateOnly Today => ChinaTime.Today(clock.Time);

    private static WorkingDayCalendar Calendar => WorkingDayCalendar.China;

    /// <summary>At activation: the followers journaled here enter the roll-up before the real children are pulled.</summary>
    public async Task LoadAsync(StoredRecord? record)
    {
        followers.Load(record);
        if (followers.Count > 0)
        {
            UseTargets(await delivery());
            Count(followers.ChildIds);
        }
    }

    /// <summary>
    /// Leaf children received the plan (or children that only follow, each with its own leaves: a township
    /// with its villages): the receipts of those that only follow are journaled here and counted; answers
    /// the children that keep their own progress (the relay notes them there).
    /// </summary>
    public async Task<IReadOnlyList<string>> NoteReceivedAsync(IReadOnlyList<ChildReceipt> receipts)
    {
        var own = receipts.Where(r => OwnsProgress(r.ChildId)).Select(r => r.ChildId).ToList();
        var following = receipts.Where(r => !OwnsProgress(r.ChildId)).ToList();
        if (following.Count > 0)
        {
            await MergeAndCountAsync(following, issuedOn() ?? following.Min(f => f.Day));

            // Claimed while the write was under way: that child keeps its own progress, so note it there too.
            own.AddRange(following.Select(f => f.ChildId).Where(followers.IsClaimed));
        }

        return own;
    }

    /// <summary>
    /// This body only followed and was counted by its parent with its leaves (<see cref="ChildReceipt.Leaves"/>):
    /// now active, it counts them itself, as received the day it received the plan and issued by it that
    /// day, so its summary is what its parent counted for it. They were never noted here: derived, then
    /// journaled like any receipts (once; a later activation finds them stored). A leaf that keeps its own
    /// progress keeps it (its summary's larger epoch wins), and still finds its receipt here.
    /// </summary>
    public Task AdoptLeavesAsync(IReadOnlyList<string> leafIds, DateOnly day, DateOnly issuedOnDay) =>
        leafIds.Count == 0 ? Task.CompletedTask : MergeAndCountAsync([.. leafIds.Select(l => new ChildReceipt(l, day))], issuedOnDay);

    /// <summary>A child active on its own asks for its receipt: from now on it keeps its own progress.</summary>
    public ChildReceipt? Claim(string childId) => followers.Claim(childId);

    /// <summary>A new day moves followers' lights as it moves the body's own.</summary>
    public void Recount() => Count(followers.ChildIds);

    private async Task MergeAndCountAsync(List<ChildReceipt> following, DateOnly parentIssuedOn)
    {
        // Asked before the write: a failure between the write and the count left receipts stored but
        // never counted (the relay's repeat then changes nothing), so only synchronous code follows it.
        var plan = await delivery();
        var merged = await followers.MergeAsync(following, parentIssuedOn);

        // A new plan version changes every follower's items; the same version changes only the new ones.
        var retarget = UseTargets(plan);
        Count(retarget ? followers.ChildIds : merged);
    }

    /// <summary>A child that sent its own summary, or asked for its receipt, keeps its own progress.</summary>
    private bool OwnsProgress(string childId) => children.Contains(childId) || followers.IsClaimed(childId);

    private void Count(IEnumerable<string> childIds)
    {
        if (followers.CountInto(rollup, childIds, Today, Calendar))
        {
            owe();
            changed();
        }
    }

    /// <summary>
    /// A follower's items are what this body hands its children, derived without changes of the child's
    /// own (the same for every follower: one derivation per plan version), and what such a follower
    /// hands its own leaves in turn (derived from that, as its body grain would). True when they changed.
    /// </summary>
    private bool UseTargets(PlanDelivery? plan)
    {
        if (plan is null || !followers.NeedsTargets(plan.Plan.Stamp))
        {
            return false;
        }

        var derived = PlanDerivation.Derive(followers.ChildIds.First(), plan.Plan, plan.Policy, [], 0, Calendar);
        var leafTargets = followers.FirstLeaf() is { } leaf ? PlanTargets.Of(PlanDerivation.Derive(leaf, derived, plan.Policy, [], 0, Calendar)) : null;
        return followers.SetTargets(plan.Plan.Stamp, PlanTargets.Of(derived), leafTargets);
    }
}
