using GovOpenness.Grains.Hosting;

namespace GovOpenness.Server.Replay;

/// <summary>
/// Replay mode (<c>--GovOpenness:Replay:Scenario=FILE</c>): the server runs on the replay's own data
/// folder without the sample cascade, the progress rules read the accelerated virtual clock, and a
/// hosted service drives the grains through the scenario. Call before the silo is added: the silo
/// reads the data folder and keeps a clock registered here.
/// </summary>
public static class ReplayHosting
{
    public static WebApplicationBuilder AddGovOpennessReplay(this WebApplicationBuilder builder)
    {
        var settings = ReplaySettings.Read(builder.Configuration);
        if (settings is null)
        {
            return builder;
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GovOpenness:DataDirectory"] = settings.DataDirectory,
            ["GovOpenness:SeedSamples"] = "false",
        });
        // A replay stopped part-way (the server restarted) goes on after the last batch it finished, on the
        // virtual date it had reached, instead of starting over.
        var checkpoints = ReplayCheckpointFile.For(settings.DataDirectory, settings.File);
        var clock = new VirtualClock(VirtualClock.InstantOf(checkpoints.Found.Checkpoint?.LastDate ?? settings.Schedule.Run.Scenario.Start), settings.Speed, TimeProvider.System);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new ProgressClock(clock)); // the silo only adds its own when none is registered
        builder.Services.AddSingleton(services => new ReplayDriver(
            services.GetRequiredService<IGrainFactory>(), settings.Schedule, clock, settings.File, settings.MaxConcurrentCalls,
            services.GetRequiredService<ILoggerFactory>().CreateLogger<ReplayDriver>(), checkpoints));
        builder.Services.AddHostedService<ReplayService>();
        return builder;
    }
}
