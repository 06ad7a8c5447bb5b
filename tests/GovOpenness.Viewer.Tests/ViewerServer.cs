using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovOpenness.Viewer.Tests;

/// <summary>
/// The real server (silo, sample cascade, viewer) on a real Kestrel loopback port, since the browser
/// needs a socket to connect to, with a temp data folder and free Orleans ports.
/// </summary>
public sealed class ViewerServer : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "govopenness-viewer-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client acting as an account of the body each request acts on (see ActingHandler).</summary>
    public HttpClient CreateClient() => global::GovOpenness.Server.Tests.ActingHandler.Client(() => _factory!.Services, BaseAddress);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);

        // A port found free may be taken before Kestrel binds it (tests run in parallel): try another.
        for (var attempt = 1; ; attempt++)
        {
            _factory = new Factory(_dataDirectory);
            _factory.UseKestrel(FreePort());
            try
            {
                _factory.StartServer();
                break;
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await _factory.DisposeAsync();
            }
        }

        BaseAddress = _factory.ClientOptions.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file for a moment; the OS temp folder is cleaned anyway.
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Factory(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("GovOpenness:DataDirectory", dataDirectory);
            builder.UseSetting(global::GovOpenness.Server.Tests.TestAccounts.BootstrapKey, global::GovOpenness.Server.Tests.TestAccounts.AdminPassword);
            builder.UseSetting("GovOpenness:Http:RequestsPerMinute", "6000000");
            builder.UseSetting("GovOpenness:Http:SignInsPerMinute", "1000000");
            builder.UseSetting("GovOpenness:Http:Burst", "1000000");
            builder.UseSetting("GovOpenness:Evidence:MaxBytes", (256 * 1024).ToString(CultureInfo.InvariantCulture)); // a file too large is cheap to send
            builder.UseSetting("GovOpenness:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("GovOpenness:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture));
        }
    }
}
