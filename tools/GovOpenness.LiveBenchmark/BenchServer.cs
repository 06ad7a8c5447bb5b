using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.LiveBenchmark;

/// <summary>The real GovOpenness server (silo, SQLite in a temp folder, hub) on a real Kestrel loopback port.</summary>
// Any public type of the server assembly names its entry point (this tool has its own Program).
public sealed class BenchServer : WebApplicationFactory<GovOpenness.Server.Live.CascadeHub>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "govopenness-livebench-" + Guid.NewGuid().ToString("N"));

    public BenchServer()
    {
        Directory.CreateDirectory(_dataDirectory);
        UseKestrel(FreePort());
        StartServer();
    }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory); // the API and hub only: no viewer files needed
        builder.UseSetting("GovOpenness:DataDirectory", _dataDirectory);
        builder.UseSetting("GovOpenness:SeedSamples", "false");
        builder.UseSetting("GovOpenness:Dashboard:Enabled", Environment.GetEnvironmentVariable("BENCH_DASHBOARD") ?? "false");
        builder.UseSetting("GovOpenness:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("GovOpenness:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file; the temp folder is cleaned anyway.
        }
    }
}
