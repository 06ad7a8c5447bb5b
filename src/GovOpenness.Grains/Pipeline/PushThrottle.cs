using GovOpenness.Abstractions.Diagnostics;
using GovOpenness.Domain.Progress;
using GovOpenness.Grains.Hosting;

namespace GovOpenness.Grains.Pipeline;

/// <summary>
/// One job of the progress grain: the live push. When the subtree summary may have changed (own step,
/// a child's delta, activation), the summary view goes to the local notifier at once, or — within the
/// push interval of the last push — once that interval has passed, carrying whatever changed between
/// (one armed timer, never re-armed by later changes). A view equal to the last one pushed is not sent
/// again. Never a storage write, never a call that waits, never the parent.
/// </summary>
/// <param name="clock">The grains' clock (<see cref="GrainClock"/>): the one the timer runs on, so a FakeTimeProvider drives both.</param>
/// <param name="arm">Arms the grain's one-shot timer for the given wait; it calls <see cref="Due"/> when it fires.</param>
/// <param name="view">The summary view as it stands.</param>
/// <param name="send">Hands a view to the notifier (a one-way call).</param>
internal sealed class PushThrottle(
    TimeProvider clock, TimeSpan interval, SettleTracker settle, string key, Action<TimeSpan> arm, Func<SummaryView> view, Action<SummaryView> send)
{
    private bool _pending;
    private bool _scheduled;
    private long _lastPushTimestamp;

    // The view last pushed (a few hundred bytes, shared with the push itself): a push is skipped only when
    // the new view's content equals it, compared by value, so no hash collision can leave a viewer on a
    // stale figure.
    private SummaryView? _lastPushed;

    /// <summary>Marks the summary as possibly changed: pushes now, or once the push interval has passed.</summary>
    public void Changed()
    {
        _pending = true;
        settle.Enter(PendingWork.Push, key);
        var wait = interval - clock.GetElapsedTime(_lastPushTimestamp);
        if (_lastPushTimestamp == 0 || wait <= TimeSpan.Zero)
        {
            PushIfChanged();
            return;
        }

        if (_scheduled)
        {
            return;
        }

        // Within the interval: one timer tick later pushes the latest summary (coalescing what came between).
        arm(wait);
        _scheduled = true;
    }

    /// <summary>The armed timer fired.</summary>
    public void Due()
    {
        _scheduled = false;
        PushIfChanged();
    }

    private void PushIfChanged()
    {
        if (!_pending)
        {
            return;
        }

        _pending = false;
        _lastPushTimestamp = clock.GetTimestamp();
        try
        {
            var current = view();
            if (_lastPushed is { } last && SameContent(current, last))
            {
                return;
            }

            _lastPushed = current;
            send(current);
        }
        finally
        {
            // Left only after send has entered the forward: a silo whose last push is leaving the grain
            // must never read as settled in between (a waiter woken by this exit would see nothing pending).
            settle.Exit(PendingWork.Push, key);
        }
    }

    /// <summary>
    /// Whether two views say the same, their epoch and sequence aside (a new epoch alone is no change worth a
    /// push): the summary (its counts, extremes and offenders; the light and score derive from the counts)
    /// and the ranking, compared by value. Not through the views' JSON: serializing every pushed view only to
    /// compare it was about a tenth of the silo's CPU per progress update (issue 16's profile).
    /// </summary>
    internal static bool SameContent(SummaryView view, SummaryView other) =>
        view.Summary.Equals(other.Summary)
        && (view.Ranking.IsDefault ? [] : view.Ranking).SequenceEqual(other.Ranking.IsDefault ? [] : other.Ranking);
}
