using GovOpenness.Abstractions.Live;
using GovOpenness.Grains.Live;

namespace GovOpenness.Grains.Tests;

/// <summary>A silo's copy of what viewers watch: which summaries its progress grains push.</summary>
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

        // A registry that restarted counts from a larger epoch: its list replaces the old one.
        interest.Replace(new LiveInterestSnapshot(2, 0, Complete: true, ["44/2022"]));
        Assert.True(interest.Wants("4401", "44", 2022));
        Assert.False(interest.Wants("31", "cn", 2022));
    }

    [Fact]
    public void A_key_of_another_shape_is_ignored()
    {
        var interest = new LiveInterest();
        interest.Replace(new LiveInterestSnapshot(1, 1, Complete: true, ["14", "14/二〇二二", "/2022", "11/2022"]));
        Assert.Equal(1, interest.Count);
        Assert.True(interest.Wants("11", "cn", 2022));
    }
}
