using GovOpenness.Server.Replay;
using Microsoft.Extensions.Configuration;

namespace GovOpenness.Server.Tests.Replay;

/// <summary>A bad replay configuration stops the start with a message naming the key (and the scenario's field).</summary>
public sealed class ReplayConfigurationTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("govopenness-replay-config");

    public void Dispose() => TempFolder.Delete(_folder);

    private static ReplaySettings? Read(params (string Key, string Value)[] settings) => ReplaySettings.Read(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"GovOpenness:Replay:{s.Key}", s.Value))).Build());

    [Fact]
    public void No_scenario_means_no_replay()
    {
        Assert.Null(Read(("Speed", "100")));
    }

    [Fact]
    public void A_missing_scenario_file_names_the_key_and_the_file()
    {
        var missing = Path.Combine(_folder, "nope.yaml");

        var error = Assert.Throws<ReplayConfigurationException>(() => Read(("Scenario", missing)));

        Assert.Equal("GovOpenness:Replay:Scenario", error.Key);
        Assert.Contains("nope.yaml", error.Message);
        Assert.Contains("不存在", error.Message);
    }

    [Fact]
    public void An_unknown_level_names_the_key_and_the_scenarios_field()
    {
        var file = ReplayScenarios.Write(ReplayScenarios.Lvliang.Replace("  township:\n", "  city:\n", StringComparison.Ordinal), _folder);

        var error = Assert.Throws<ReplayConfigurationException>(() => Read(("Scenario", file)));

        Assert.Equal("GovOpenness:Replay:Scenario", error.Key);
        Assert.Contains("levels.city", error.Message);
        Assert.Contains("未知层级", error.Message);
    }

    [Fact]
    public void Villages_cannot_be_replayed()
    {
        var file = ReplayScenarios.Write(ReplayScenarios.Lvliang.Replace("depth: township", "depth: village", StringComparison.Ordinal), _folder);

        var error = Assert.Throws<ReplayConfigurationException>(() => Read(("Scenario", file)));

        Assert.Contains("scope.depth", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-86400")]
    [InlineData("快")]
    public void A_speed_that_is_not_positive_names_the_speed(string speed)
    {
        var file = ReplayScenarios.Write(ReplayScenarios.Lvliang, _folder);

        var error = Assert.Throws<ReplayConfigurationException>(() => Read(("Scenario", file), ("Speed", speed)));

        Assert.Equal("GovOpenness:Replay:Speed", error.Key);
        Assert.Contains(speed, error.Message);
    }

    [Fact]
    public void A_good_configuration_gives_the_schedule_and_the_replays_own_data_folder()
    {
        var file = ReplayScenarios.Write(ReplayScenarios.Lvliang, _folder);

        var settings = Read(("Scenario", file), ("Speed", "172800"));

        Assert.NotNull(settings);
        Assert.Equal(172_800, settings.Speed);
        Assert.Equal(168, settings.Schedule.Run.Hierarchy.Count);
        Assert.Equal(Path.Combine(".", "data", "replay"), settings.DataDirectory);
    }

    [Fact]
    public async Task The_server_does_not_start_on_a_bad_speed_and_says_which_key()
    {
        var file = ReplayScenarios.Write(ReplayScenarios.Lvliang, _folder);
        await using var factory = new ReplayServerFactory(new Dictionary<string, string> { ["Scenario"] = file, ["Speed"] = "0", ["DataDirectory"] = _folder });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("GovOpenness:Replay:Speed", Flatten(error));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} | {Flatten(e.InnerException)}";
}
