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
        if (builder.Configuration[HierarchyOptions.Section + ":Depth"] is { } depth && !Enum.TryParse<Domain.Hierarchy.HierarchyDepth>(depth, ignoreCase: true, out _))
        {
            // Said at start, in the operator's words, not as a binder's conversion error on first use.
            throw new InvalidOperationException($"配置项 GovOpenness:Hierarchy:Depth 的值“{depth}”无效：应为 township（到乡镇，默认）或 village（到村）");
        }

        var storage = new StorageSettings
        {
            DataDirectory = options.DataDirectory,
            PostgresConnectionString = builder.Configuration.GetConnectionString("Postgres") ?? options.Postgres,
            ClusterId = options.ClusterId,
            ServiceId = options.ServiceId,
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
