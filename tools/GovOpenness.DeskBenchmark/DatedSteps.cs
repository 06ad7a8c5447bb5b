using GovOpenness.Abstractions;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.Domain.Progress;

namespace GovOpenness.DeskBenchmark;

/// <summary>
/// Progress put into 山西省's subtree on dated days, through the real progress grains (each step journaled
/// and rolled up as a POST /progress would be): bodies drawn across the subtree with a fixed seed, two items
/// each acknowledged (签收) on one day and half of them reported (反馈) on a later one, the days a month apart
/// on both sides of the as-of day, until the asked number of steps is reached.
/// </summary>
public sealed class DatedSteps(IGrainFactory grains, ProgressDays clock, int year)
{
    private const int AtOnce = 32;

    /// <summary>Records about <paramref name="steps"/> steps; answers how many were acknowledged and refused (with the first refusal).</summary>
    public async Task<StepsRecorded> RecordAsync(string rootId, int steps, IReadOnlyList<DateOnly> days)
    {
        var random = new Random(20221231);
        var bodies = Subtree(rootId).OrderBy(_ => random.Next()).ToList();
        var planned = new List<(int Day, string BodyId, ProgressUpdate Update)>();
        var used = 0;
        foreach (var bodyId in bodies)
        {
            if (planned.Count >= steps)
            {
                break;
            }

            var table = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(bodyId, year)).GetItemsAsync();
            var items = table.Value?.Items.Where(i => i.Status == ItemStatus.Pending).Select(i => i.ItemId).ToList() ?? [];
            if (items.Count == 0)
            {
                continue; // a body without a plan this year
            }

            used++;
            foreach (var itemId in items.OrderBy(_ => random.Next()).Take(2))
            {
                var acknowledged = random.Next(days.Count - 1);
                planned.Add((acknowledged, bodyId, new ProgressUpdate(year, itemId, ProgressStep.Acknowledged, RequestId: $"bench-ack-{bodyId}-{itemId}")));
                if (random.Next(2) == 0)
                {
                    var reported = random.Next(acknowledged + 1, days.Count);
                    planned.Add((reported, bodyId, new ProgressUpdate(year, itemId, ProgressStep.Reported, Note: "已在政府网站专栏公开",
                        Evidence: [$"https://www.example.gov.cn/zwgk/{bodyId}/{itemId}"], RequestId: $"bench-rep-{bodyId}-{itemId}")));
                }
            }
        }

        // Day by day: the clock is moved, then that day's steps go in a bounded number at a time.
        int stored = 0, refused = 0;
        string? firstRefusal = null;
        foreach (var day in planned.GroupBy(p => p.Day).OrderBy(g => g.Key))
        {
            clock.MoveTo(days[day.Key]);
            await Parallel.ForEachAsync(day, new ParallelOptions { MaxDegreeOfParallelism = AtOnce }, async (step, _) =>
            {
                var result = await grains.GetGrain<IProgressGrain>(IProgressGrain.Key(step.BodyId, year)).RecordProgressAsync(step.Update, step.BodyId);
                if (result.Value is not null)
                {
                    Interlocked.Increment(ref stored);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                    Interlocked.CompareExchange(ref firstRefusal, $"{step.BodyId} {step.Update.ItemId} {step.Update.Step}: {result.Error}", null);
                }
            });
        }

        return new StepsRecorded(stored, refused, firstRefusal, used, [.. planned.Select(p => (days[p.Day], p.Update.Step))]);
    }

    private static IEnumerable<string> Subtree(string rootId)
    {
        var stack = new Stack<string>([rootId]);
        while (stack.TryPop(out var id))
        {
            yield return id;
            foreach (var child in DivisionCatalog.China.ChildrenOf(id))
            {
                stack.Push(child);
            }
        }
    }
}

/// <summary>What went in: the steps acknowledged and refused, the bodies touched, and every planned step's day.</summary>
public sealed record StepsRecorded(int Stored, int Refused, string? FirstRefusal, int Bodies, IReadOnlyList<(DateOnly Day, ProgressStep Step)> Steps)
{
    /// <summary>Items reported (反馈) by the end of <paramref name="day"/>: what a recount of that day must find.</summary>
    public long ReportedBy(DateOnly day) => Steps.Count(s => s.Step == ProgressStep.Reported && s.Day <= day);
}
