using GovOpenness.Grains.Hosting;

namespace GovOpenness.Server.Live;

/// <summary>Registers and maps the live cascade hub (/hubs/cascade) and its push path from the grains.</summary>
public static class LiveSetup
{
    public const string HubPath = "/hubs/cascade";

    public static WebApplicationBuilder AddGovOpennessLive(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LiveHubOptions>(builder.Configuration.GetSection(LiveHubOptions.Section));
        builder.Services.Configure<LiveOptions>(builder.Configuration.GetSection(LiveOptions.Section));
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<LiveGroups>();
        builder.Services.AddSingleton<SummaryBroadcaster>();
        builder.Services.AddHostedService<LiveRegistration>();
        return builder;
    }

    public static IEndpointRouteBuilder MapGovOpennessLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<CascadeHub>(HubPath);
        return app;
    }
}
