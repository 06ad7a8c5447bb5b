namespace GovOpenness.Server.Desk;

/// <summary>The supervisor's desk services: the subtree reader and the day figures are computed for.</summary>
public static class DeskSetup
{
    public static WebApplicationBuilder AddGovOpennessDesk(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SubtreeReader>();
        builder.Services.AddSingleton<DeskDay>();
        builder.Services.Configure<DeskOptions>(builder.Configuration.GetSection(DeskOptions.Section));
        builder.Services.AddSingleton<PastDayRecount>();
        builder.Services.AddSingleton<AsOfReads>();
        builder.Services.AddHostedService<SearchIndexWarmUp>();
        return builder;
    }

    /// <summary>Builds the body search index in the background at start-up: the first keystroke should not pay for it.</summary>
    private sealed class SearchIndexWarmUp : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            Task.Run(() => Domain.Hierarchy.Search.BodySearchIndex.China.Count, stoppingToken);
    }
}
