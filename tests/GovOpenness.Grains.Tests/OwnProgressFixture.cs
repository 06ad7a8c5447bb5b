using GovOpenness.Abstractions;
using GovOpenness.Abstractions.Plans;
using GovOpenness.Abstractions.Progress;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// What a test of <see cref="OwnProgress"/> stands on, shared by <c>OwnProgressTests</c> and
/// <c>ProgressBatchTests</c>: 孝义市's 2022 record on a real journal (<see cref="JournalOnDisk"/>), a roll-up,
/// a fake clock, and the grain's calls answered here from what the test sets (the plan, the receipt at
/// the parent, the parent's issue day), each call and callback counted.
/// </summary>
internal sealed class OwnProgressFixture : IAsyncDisposable
{
    public const string Body = "141181";
    public const string Key = "141181/2022";

    private OwnProgressFixture(JournalOnDisk journal) => Journal = journal;

    /// <summary>10:00 in China on 2022-10-14.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 10, 14, 2, 0, 0, TimeSpan.Zero));

    public SubtreeRollup Rollup { get; } = new(Body, 2022);

    public JournalOnDisk Journal { get; }

    /// <summary>The record the activation holds (loaded before the test: version 0).</summary>
    public VersionedRecord Record { get; private set; } = null!;

    /// <summary>What the body grain answers for the plan (null: not received yet, a NotFound).</summary>
    public EffectivePlan? Plan { get; set; }

    public ChildReceipt? ReceiptAtParent { get; set; }

    public DateOnly? ParentIssuedOn { get; set; }

    public int PlanCalls { get; private set; }

    public int ReceiptCalls { get; private set; }

    /// <summary>Times the parent was owed a delta, the summary marked changed, and the activation told to leave.</summary>
    public int Owed { get; private set; }

    public int Changed { get; private set; }

    public int Left { get; private set; }

    public static async Task<OwnProgressFixture> StartAsync()
    {
        var fixture = new OwnProgressFixture(new JournalOnDisk());
        fixture.Record = await fixture.Journal.LoadedAsync(Key, () => fixture.Left++);
        return fixture;
    }

    /// <summary>A fresh <see cref="OwnProgress"/> over the record, as an activation makes it (nothing stored read).</summary>
    public OwnProgress Own(string? parentId = "1411") => new(
        Body, 2022, parentId, exists: true, Record, stored: null, Rollup, new ProgressClock(Clock),
        new OwnProgressCalls(
            () =>
            {
                PlanCalls++;
                return Task.FromResult(Plan is { } p ? CommandResult<EffectivePlan>.Ok(p) : CommandResult<EffectivePlan>.Fail(FailureKind.NotFound, "尚未收到"));
            },
            () =>
            {
                ReceiptCalls++;
                return Task.FromResult(ReceiptAtParent);
            },
            () => Task.FromResult(ParentIssuedOn)),
        () => Owed++,
        () => Changed++);

    /// <summary>山西省's plan as 孝义市 holds it: the given items (id, text, deadline, unit).</summary>
    public static EffectivePlan PlanOf(string version, params (string Id, string Text, DateOnly Due, string Unit)[] items) =>
        new(Body, 2022, version, "14", "2022年政务公开工作要点", null,
            [.. items.Select(i => new EffectiveItem(TestPlans.Item(i.Id, i.Text, i.Due, i.Unit), "14", []))], [], []);

    /// <summary>One item, 1.1, due on the given day.</summary>
    public static EffectivePlan PlanDue(DateOnly due) => PlanOf(due.ToString("O"), ("1.1", "公开重大建设项目批准和实施信息", due, "发展改革委"));

    public ValueTask DisposeAsync() => Journal.DisposeAsync();
}
