using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Workspace;
using GovOpenness.Domain.Progress;

namespace GovOpenness.Server.Workspace;

/// <summary>A body's 待办 for a year: the counts the header shows and each list.</summary>
public sealed record InboxView(string BodyId, int Year, InboxCounts Counts, IReadOnlyList<PlanToAdopt> Plans,
    IReadOnlyList<ReportToReview> Reviews, IReadOnlyList<ReturnedItem> Returns, IReadOnlyList<UrgeNote> Urges);

public sealed record InboxCounts(int Plans, int Reviews, int Returns, int Urges, int Total);

/// <summary>The parent's plan received and not yet adopted (采用) or localized; <c>draft</c> says whether a draft is saved.</summary>
public sealed record PlanToAdopt(int Year, string ParentId, string? Title, string Stamp, int Items);

/// <summary>A child's 反馈 waiting for this body's 复核, with its evidence (links and evidence ids).</summary>
public sealed record ReportToReview(string BodyId, string BodyName, string ItemId, string? Heading, string? Note,
    IReadOnlyList<string> Evidence, DateOnly? ReportedOn, DateOnly? Deadline);

/// <summary>An item of this body its parent sent back (退回), with the reason.</summary>
public sealed record ReturnedItem(string ItemId, string? Heading, string Reason);

/// <summary>
/// Reads a body's inbox from the grains that own each part, so the inbox keeps no state of its own that
/// could drift: the body's plan (adopted or not), its direct children's progress (reports waiting for
/// review), its own progress (returns) and its urge box. Only direct children are read (reviews are the
/// direct parent's), in parallel.
/// </summary>
public sealed class InboxReader(IGrainFactory grains)
{
    /// <summary>The most children read for reviews (a body has at most a few hundred direct children).</summary>
    public const int MaxChildren = 2_000;

    public async Task<InboxView> ReadAsync(string bodyId, int year, CancellationToken cancellation)
    {
        var body = grains.GetGrain<IBodyGrain>(bodyId);
        var planTask = body.GetPlanAsync(year);
        var viewTask = body.GetViewAsync(0, MaxChildren);
        var ownTask = grains.GetGrain<IProgressGrain>(IProgressGrain.Key(bodyId, year)).GetItemsAsync();
        var urgesTask = grains.GetGrain<IUrgeBoxGrain>(bodyId).ListAsync();
        await Task.WhenAll(planTask, viewTask, ownTask, urgesTask);

        var plan = planTask.Result.Value;
        var headings = plan?.Items.ToDictionary(i => i.Item.Id, i => i.Item.Heading, StringComparer.Ordinal) ?? [];
        var plans = new List<PlanToAdopt>();
        if (plan is not null && plan.OriginBodyId != bodyId && plan.Stamp.EndsWith(">0", StringComparison.Ordinal) && viewTask.Result.Value?.Parent is { } parent)
        {
            plans.Add(new PlanToAdopt(year, parent.Id, plan.Title, plan.Stamp, plan.Items.Count));
        }

        var returns = (ownTask.Result.Value?.Items ?? [])
            .Where(i => i.Status == ItemStatus.InProgress && i.ReturnReason is not null)
            .Select(i => new ReturnedItem(i.ItemId, headings.GetValueOrDefault(i.ItemId), i.ReturnReason!))
            .ToList();

        var reviews = await ReviewsAsync(viewTask.Result.Value?.Children ?? [], year, cancellation);
        var urges = urgesTask.Result.Reverse().ToList();
        return new InboxView(bodyId, year, new InboxCounts(plans.Count, reviews.Count, returns.Count, urges.Count, plans.Count + reviews.Count + returns.Count + urges.Count),
            plans, reviews, returns, urges);
    }

    private async Task<List<ReportToReview>> ReviewsAsync(IReadOnlyList<Abstractions.Bodies.BodyInfo> children, int year, CancellationToken cancellation)
    {
        var tables = await Task.WhenAll(children.Select(async child =>
            (child, (await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(child.Id, year)).GetItemsAsync()).Value)));
        var reviews = new List<ReportToReview>();
        foreach (var (child, table) in tables)
        {
            cancellation.ThrowIfCancellationRequested();
            var reported = table?.Items.Where(i => i.Status == ItemStatus.Reported).ToList() ?? [];
            if (reported.Count == 0)
            {
                continue;
            }

            // Headings from the child's own plan: only for children with something to review.
            var plan = (await grains.GetGrain<IBodyGrain>(child.Id).GetPlanAsync(year)).Value;
            var headings = plan?.Items.ToDictionary(i => i.Item.Id, i => i.Item.Heading, StringComparer.Ordinal) ?? [];
            reviews.AddRange(reported.Select(i => new ReportToReview(child.Id, child.Name, i.ItemId, headings.GetValueOrDefault(i.ItemId), i.Note,
                [.. i.Evidence], i.ReportedOn, i.Deadline)));
        }

        return reviews;
    }
}
