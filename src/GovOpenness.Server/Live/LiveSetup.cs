using GovOpenness.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace GovOpenness.Server.Live;

/// <summary>Registers and maps the live cascade hub (/hubs/cascade) and its push path from the grains.</summary>
public static class LiveSetup
{
    public const string HubPath = "/hubs/cascade";

    public static WebApplicationBuilder AddGovOpennessLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveHubOptions>().Bind(builder.Configuration.GetSection(LiveHubOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LiveHubOptions>, LiveHubOptionsValidation>();
        builder.Services.Configure<LiveOptions>(builder.Configuration.GetSection(LiveOptions.Section));
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<LiveGroups>();
        builder.Services.AddSingleton<SummaryBroadcaster>();
        builder.Services.AddSingleton<LiveRegistration>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveRegistration>());
        return builder;
    }

    public static IEndpointRouteBuilder MapGovOpennessLive(this IEndpointRouteBuilder app)
    {
        var bufferSize = app.ServiceProvider.GetRequiredService<IOptions<LiveHubOptions>>().Value.ConnectionBufferSize;
        app.MapHub<CascadeHub>(HubPath, connection =>
        {
            if (bufferSize is { } bytes)
            {
                connection.TransportMaxBufferSize = bytes;
                connection.ApplicationMaxBufferSize = bytes;
            }
        });
        return app;
    }
}
