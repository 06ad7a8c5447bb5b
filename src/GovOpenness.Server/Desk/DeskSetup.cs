namespace GovOpenness.Server.Desk;

/// <summary>The supervisor's desk services: the subtree reader and the day figures are computed for.</summary>
public static class DeskSetup
{
    public static WebApplicationBuilder AddGovOpennessDesk(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SubtreeReader>();
        builder.Services.AddSingleton<DeskDay>();
        // A batch or parallelism under 1 would split a subtree without end: refused at start, saying which setting.
        builder.Services.AddOptions<DeskOptions>()
            .Bind(builder.Configuration.GetSection(DeskOptions.Section))
            .Validate(o => o.RecountBatchBodies >= 1, "GovOpenness:Desk:RecountBatchBodies 须为正整数（每批回溯统计的单位数）")
            .Validate(o => o.RecountPartsAtOnce >= 1, "GovOpenness:Desk:RecountPartsAtOnce 须为正整数（同时统计的下级数）")
            .ValidateOnStart();
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
