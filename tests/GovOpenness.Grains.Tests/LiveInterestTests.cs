using System.Collections.Immutable;
using GovOpenness.Abstractions.Live;
using GovOpenness.Grains.Live;

namespace GovOpenness.Grains.Tests;

/// <summary>A silo's copy of what viewers watch and where: which summaries its progress grains push, to which hosts.</summary>
public sealed class LiveInterestTests
{
    [Fact]
    public void Before_a_complete_list_every_summary_is_wanted_and_after_it_only_watched_bodies_and_their_children()
    {
        var interest = new LiveInterest();
        Assert.True(interest.Wants("1411", "14", 2022));
        Assert.False(interest.Filtering.IsCompleted);

        interest.Replace(new LiveInterestSnapshot(1, 5, Complete: true, ["14/2022"]));

        Assert.True(interest.Filtering.IsCompleted);
        Assert.True(interest.Wants("14", "cn", 2022));
        Assert.True(interest.Wants("1411", "14", 2022));
        Assert.False(interest.Wants("1411", "14", 2023));
        Assert.False(interest.Wants("141102", "1411", 2022));
        Assert.False(interest.Wants("cn", null, 2022));
    }

    [Fact]
    public void An_incomplete_list_only_adds_so_a_silo_that_never_had_a_complete_one_keeps_pushing_everything()
    {
        var interest = new LiveInterest();
        interest.Replace(new LiveInterestSnapshot(1, 5, Complete: false, ["14/2022"]));
        Assert.False(interest.Filters);
        Assert.True(interest.Wants("11", "cn", 2022));

        interest.Replace(new LiveInterestSnapshot(1, 6, Complete: true, ["11/2022"]));
        interest.Replace(new LiveInterestSnapshot(2, 1, Complete: false, ["31/2022"]));
        Assert.True(interest.Wants("11", "cn", 2022));
        Assert.True(interest.Wants("31", "cn", 2022));
        Assert.False(interest.Wants("14", "cn", 2022));
    }

    [Fact]
    public void An_addition_newer_than_the_list_survives_it_and_one_older_than_the_list_in_place_is_ignored()
    {
        var interest = new LiveInterest();
        interest.Replace(new LiveInterestSnapshot(1, 5, Complete: true, ["14/2022"]));

        // Added at version 7; the refresh answered at version 6 arrives after it.
        interest.Add(new LiveInterestSnapshot(1, 7, Complete: false, ["11/2022"]));
        interest.Replace(new LiveInterestSnapshot(1, 6, Complete: true, []));
        Assert.True(interest.Wants("11", "cn", 2022));
        Assert.False(interest.Wants("14", "cn", 2022));

        // A list at version 8 holds all the registry knows: what it dropped is dropped.
        interest.Replace(new LiveInterestSnapshot(1, 8, Complete: true, ["31/2022"]));
        Assert.False(interest.Wants("11", "cn", 2022));

        // An addition from before that list (a late message) is already in it, or was dropped since.
        interest.Add(new LiveInterestSnapshot(1, 7, Complete: false, ["11/2022"]));
        Assert.False(interest.Wants("11", "cn", 2022));

        // A registry that restarted has another epoch: its list replaces the old one.
        interest.Replace(new LiveInterestSnapshot(2, 0, Complete: true, ["44/2022"]));
        Assert.True(interest.Wants("4401", "44", 2022));
        Assert.False(interest.Wants("31", "cn", 2022));
    }

    [Fact]
    public void Versions_compare_only_within_one_registry_activation_so_an_earlier_epoch_is_not_taken_for_a_late_message()
    {
        // The registry briefly ran on the joining silo (epoch 20), then the first activation (epoch 10) went on.
        var interest = new LiveInterest();
        interest.Replace(new LiveInterestSnapshot(20, 3, Complete: true, ["14/2022"]));

        interest.Add(new LiveInterestSnapshot(10, 1, Complete: false, ["11/2022"]));
        Assert.True(interest.Wants("11", "cn", 2022));

        interest.Replace(new LiveInterestSnapshot(10, 2, Complete: true, ["11/2022", "31/2022"]));
        Assert.True(interest.Wants("31", "cn", 2022));
        Assert.False(interest.Wants("14", "cn", 2022));

        // Its additions go on after that list, and a late one of the activation that went is dropped
        // with the next complete list (every live host renewed with the activation that went on).
        interest.Add(new LiveInterestSnapshot(10, 5, Complete: false, ["44/2022"]));
        interest.Add(new LiveInterestSnapshot(20, 4, Complete: false, ["50/2022"]));
        Assert.True(interest.Wants("44", "cn", 2022));
        interest.Replace(new LiveInterestSnapshot(10, 4, Complete: true, ["11/2022"]));
        Assert.True(interest.Wants("44", "cn", 2022));
        Assert.False(interest.Wants("50", "cn", 2022));
        Assert.False(interest.Wants("31", "cn", 2022));
    }

    [Fact]
    public void Hosts_are_added_at_once_replaced_by_a_complete_list_and_only_added_to_by_an_incomplete_one()
    {
        var (first, second, third) = (new Host(), new Host(), new Host());
        var interest = new LiveInterest();
        Assert.False(interest.Received.IsCompleted);
        Assert.Empty(interest.Hosts);

        var changed = interest.Changed;
        interest.Add(new LiveInterestSnapshot(1, 1, Complete: false, [], [new LiveHost("a", first)]));
        Assert.True(changed.IsCompleted);
        Assert.Same(first, Assert.Single(interest.Hosts));
        Assert.True(interest.Wants("11", "cn", 2022)); // a host alone does not end pushing everything

        interest.Replace(new LiveInterestSnapshot(1, 1, Complete: false, [], [new LiveHost("b", second)]));
        Assert.True(interest.Received.IsCompleted);
        Assert.Equal(2, interest.Hosts.Count);

        // Host "a" left (not in the complete list at version 2); "c" was added at version 3, before the list arrived.
        interest.Add(new LiveInterestSnapshot(1, 3, Complete: false, [], [new LiveHost("c", third)]));
        interest.Replace(new LiveInterestSnapshot(1, 2, Complete: true, [], [new LiveHost("b", second)]));
        Assert.Equal(2, interest.Hosts.Count);
        Assert.Contains(second, interest.Hosts);
        Assert.Contains(third, interest.Hosts);
        Assert.DoesNotContain(first, interest.Hosts);
    }

    [Fact]
    public void A_key_of_another_shape_is_ignored()
    {
        var interest = new LiveInterest();
        interest.Replace(new LiveInterestSnapshot(1, 1, Complete: true, ["14", "14/二〇二二", "/2022", "11/2022"]));
        Assert.Equal(1, interest.Count);
        Assert.True(interest.Wants("11", "cn", 2022));
    }

    private sealed class Host : ISummaryObserver
    {
        public Task OnSummariesAsync(ImmutableArray<SummaryPush> batch) => Task.CompletedTask;

        public Task OnInboxAsync(ImmutableArray<InboxPush> batch) => Task.CompletedTask;
    }
}
