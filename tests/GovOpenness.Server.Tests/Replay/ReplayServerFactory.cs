using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovOpenness.Server.Tests.Replay;

/// <summary>The real server in replay mode: the given replay settings, its own data folder, free ports.</summary>
public sealed class ReplayServerFactory(IReadOnlyDictionary<string, string> replay) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GovOpenness:SiloPort", FreePort());
        builder.UseSetting(TestAccounts.BootstrapKey, TestAccounts.AdminPassword);
        builder.UseSetting("GovOpenness:GatewayPort", FreePort());
        foreach (var (key, value) in replay)
        {
            builder.UseSetting($"GovOpenness:Replay:{key}", value);
        }
    }

    /// <summary>A client acting as an account of the body each request acts on (<see cref="ActingHandler"/>).</summary>
    public new HttpClient CreateClient() =>
        CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.RedirectHandler(), new ActingHandler(() => Services));

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
