using GovOpenness.Grains.Hosting;
using GovOpenness.Grains.Storage;
using GovOpenness.Server.Seeding;

namespace GovOpenness.Server.Hosting;

/// <summary>Hosts the Orleans silo inside the web server, with storage chosen by configuration.</summary>
public static class SiloHosting
{
    public static WebApplicationBuilder AddGovOpennessSilo(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ServerOptions.Section);
        builder.Services.Configure<ServerOptions>(section);
        var options = section.Get<ServerOptions>() ?? new ServerOptions();
        var storage = new StorageSettings
        {
            DataDirectory = options.DataDirectory,
            PostgresConnectionString = builder.Configuration.GetConnectionString("Postgres") ?? options.Postgres,
            ClusterId = options.ClusterId,
        };

        builder.UseOrleans(silo =>
        {
            silo.UseGovOpennessClustering(storage, options.SiloPort, options.GatewayPort, options.AdvertisedHost);
            silo.AddGovOpennessStorage(storage);
            silo.Services.Configure<CascadeOptions>(builder.Configuration.GetSection(CascadeOptions.Section));
            silo.Services.Configure<HierarchyOptions>(builder.Configuration.GetSection(HierarchyOptions.Section));
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<SampleSeeder>();
        return builder;
    }
}
