using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace GovOpenness.Grains.Tests;

/// <summary>
/// What a progress activation owes its parent (<see cref="ParentUplink"/>), with a real roll-up standing in
/// for the parent and a real journal: the settle accounting of a flush, the takeover of an outranked epoch,
/// the reconciler's resend, and leaving when another activation wrote since this one read.
/// </summary>
public sealed class ParentUplinkTests : IAsyncLifetime
{
    private const string Child = "141181";
    private const string Key = "141181/2022";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2022, 10, 14, 2, 0, 0, TimeSpan.Zero));
    private readonly SettleTracker _settle = new();
    private readonly SubtreeRollup _rollup = new(Child, 2022);
    private readonly SubtreeRollup _parent = new("1411", 2022);
    private readonly List<SummaryDelta> _sent = [];
    private readonly List<TimeSpan> _armed = [];
    private JournalOnDisk _journal = null!;
    private VersionedRecord[] _records = null!;
    private int _beforeFlush;
    private int _left;

    public async Task InitializeAsync()
    {
        _journal = new JournalOnDisk();
        _records = [await _journal.LoadedAsync(Key), await _journal.LoadedAsync(Key + "/followers"), await _journal.LoadedAsync(Key + "/children")];
        SetOwn(published: false);
    }

    public async Task DisposeAsync() => await _journal.DisposeAsync();

    [Fact]
    public async Task A_flush_sends_the_whole_summary_first_then_what_changed_and_is_settled_once_the_parent_holds_it()
    {
        var uplink = Started();
        Assert.True(_settle.IsPending(PendingWork.Flush, Key));
        Assert.Equal(new[] { TimeSpan.Zero }, _armed);

        await uplink.FlushAsync();
        Assert.True(Assert.Single(_sent).IsFull);
        Assert.Equal(uplink.Epoch, _parent.EpochOf(Child));
        Assert.Equal(_rollup.Summary.Counts, _parent.Summary.Counts);
        Assert.False(_settle.IsPending(PendingWork.Flush, Key));
        Assert.Equal(1, _beforeFlush);

        SetOwn(published: true);
        uplink.Owe();
        Assert.True(_settle.IsPending(PendingWork.Flush, Key));
        await uplink.FlushAsync();
        Assert.Equal(2, _sent.Count);
        
        Assert.Equal(_sent[0].Sequence, _sent[1].BaseSequence);
        Assert.Equal(_rollup.Summary.Counts, _parent.Summary.Counts);
        Assert.False(_settle.IsPending(PendingWork.Flush, Key));

        // Nothing changed: nothing sent, and settled at once.
        uplink.Owe();
        await uplink.FlushAsync();
        Assert.Equal(2, _sent.Count);
        Assert.False(_settle.IsPending(PendingWork.Flush, Key));
        Assert.Equal(0, _left);
    }

    [Fact]
    public async Task An_activation_outranked_by_a_newer_epoch_that_holds_what_is_stored_takes_a_newer_epoch_still_and_sends_in_full()
    {
        var uplink = Started();
        var duplicate = uplink.Epoch + 1_000;
        _parent.Receive(new SummaryDelta(Child, 2022, duplicate, 0, 1, SummaryCounts.Zero));

        await uplink.FlushAsync();

        Assert.Equal(2, _sent.Count);
        Assert.True(_sent[1].IsFull);
        Assert.True(uplink.Epoch > duplicate);
        Assert.Equal(uplink.Epoch, _parent.EpochOf(Child));
        Assert.Equal(_rollup.Summary.Counts, _parent.Summary.Counts);
        Assert.False(_settle.IsPending(PendingWork.Flush, Key));
        Assert.Equal(0, _left);
    }

    [Fact]
    public async Task An_outranked_activation_behind_the_journal_leaves_sends_nothing_more_and_refuses_a_resend()
    {
        var uplink = Started();
        _parent.Receive(new SummaryDelta(Child, 2022, uplink.Epoch + 1_000, 0, 1, SummaryCounts.Zero));
        var other = await _journal.LoadedAsync(Key);
        await other.WriteAsync("{}");

        await uplink.FlushAsync();

        Assert.Single(_sent);
        Assert.Equal(1, _left);
        Assert.False(_settle.IsPending(PendingWork.Flush, Key));
        Assert.False(await uplink.ResendFullAsync());
        Assert.Equal(1, _left);
    }

    [Fact]
    public async Task A_resend_takes_an_epoch_above_any_before_and_the_parent_replaces_its_copy_with_the_whole_summary()
    {
        var uplink = Started();
        await uplink.FlushAsync();
        var first = uplink.Epoch;

        Assert.True(await uplink.ResendFullAsync());
        Assert.True(uplink.Epoch > first);
        Assert.True(_settle.IsPending(PendingWork.Flush, Key));
        await uplink.FlushAsync();

        Assert.True(_sent[^1].IsFull);
        Assert.Equal(uplink.Epoch, _sent[^1].Epoch);
        Assert.Equal(uplink.Epoch, _parent.EpochOf(Child));
        Assert.False(_settle.IsPending(PendingWork.Flush, Key));
    }

    [Fact]
    public async Task A_resend_behind_the_journal_leaves_instead_of_sending_its_figures()
    {
        var uplink = Started();
        var other = await _journal.LoadedAsync(Key + "/children");
        await other.WriteAsync("[\"141181001\"]");

        Assert.False(await uplink.ResendFullAsync());

        Assert.Equal(1, _left);
        await uplink.FlushAsync();
        Assert.Empty(_sent);
        Assert.False(_settle.IsPending(PendingWork.Flush, Key));
    }

    [Fact]
    public async Task A_parent_that_asks_again_three_times_leaves_the_delta_owed_for_the_next_interval()
    {
        var uplink = Started(send: d =>
        {
            _sent.Add(d);
            return Task.FromResult(new DeltaReceipt(DeltaOutcome.Resend, 0, 0));
        });
        var throttle = new FlushThrottle(_clock, Interval, _armed.Add);
        uplink.Start(throttle);
        uplink.Owe();
        throttle.Start();

        await uplink.FlushAsync();

        Assert.Equal(3, _sent.Count);
        Assert.All(_sent, d => Assert.True(d.IsFull));
        Assert.True(_settle.IsPending(PendingWork.Flush, Key));
        Assert.Equal(new[] { TimeSpan.Zero, Interval }, _armed);
    }

    [Fact]
    public async Task The_root_sends_nothing_but_runs_its_flush_and_is_settled()
    {
        var uplink = Started(hasParent: false);

        await uplink.FlushAsync();

        Assert.Empty(_sent);
        Assert.Equal(1, _beforeFlush);
        Assert.False(_settle.IsPending(PendingWork.Flush, Key));
        Assert.Equal(0, _left);
        // Asked by a parent rebuilding its roll-up, a grain without an outbox answers under epoch 1.
        Assert.Equal(1, uplink.TakeFull().Epoch);
    }

    [Fact]
    public void Nothing_is_owed_before_the_timers_start()
    {
        var uplink = new ParentUplink(Child, 2022, true, Key, _rollup, new ActivationEpochs(_clock), _settle, _records, () => Task.CompletedTask, Send, () => _left++);

        uplink.Owe();

        Assert.False(_settle.IsPending(PendingWork.Flush, Key));
    }

    /// <summary>An activation's uplink as the grain builds it, opened, its timers started and a full summary owed.</summary>
    private ParentUplink Started(bool hasParent = true, Func<SummaryDelta, Task<DeltaReceipt>>? send = null)
    {
        var uplink = new ParentUplink(
            Child, 2022, hasParent, Key, _rollup, new ActivationEpochs(_clock), _settle, _records,
            () =>
            {
                _beforeFlush++;
                return Task.CompletedTask;
            },
            send ?? Send,
            () => _left++);
        uplink.Open();
        if (send is null)
        {
            uplink.Start(new FlushThrottle(_clock, Interval, _armed.Add));
            uplink.Owe();
        }

        return uplink;
    }

    private Task<DeltaReceipt> Send(SummaryDelta delta)
    {
        _sent.Add(delta);
        return Task.FromResult(_parent.Receive(delta));
    }

    private void SetOwn(bool published) =>
        _rollup.SetOwn(new OwnFigures(
            ProgressFigures.ForBodyLevel(new PlanMilestones(ReceivedOn: new DateOnly(2022, 5, 6), PublishedOn: published ? new DateOnly(2022, 5, 9) : null)),
            SummaryExtremes.None));
}
