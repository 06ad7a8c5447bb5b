using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovOpenness.Server.Tests;

/// <summary>
/// The real server (silo included) on a data folder of the test's choosing, or on PostgreSQL. Each
/// instance takes free silo and gateway ports so that several can run in one test process.
/// </summary>
public sealed class ServerFactory(string dataDirectory, string? postgres = null, bool seed = true, string? clusterId = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GovOpenness:DataDirectory", dataDirectory);
        builder.UseSetting(TestAccounts.BootstrapKey, TestAccounts.AdminPassword);
        builder.UseSetting("GovOpenness:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("GovOpenness:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("GovOpenness:SeedSamples", seed.ToString());
        builder.UseSetting("GovOpenness:MaxRequestBytes", (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Tests send many requests from one address; the limiter's own test sets small limits.
        builder.UseSetting("GovOpenness:Http:RequestsPerMinute", "6000000");
        builder.UseSetting("GovOpenness:Http:SignInsPerMinute", "1000000");
        builder.UseSetting("GovOpenness:Http:Burst", "1000000");
        builder.UseSetting("GovOpenness:Http:CostlyConcurrent", "64");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (postgres is not null)
        {
            builder.UseSetting("ConnectionStrings:Postgres", postgres);
            // Each test cluster is its own service too: clusters running at once on the one database must not
            // share rows (e.g. the outbox registry's), as two real services on one database would not.
            var cluster = clusterId ?? "tests-" + Guid.NewGuid().ToString("N")[..8];
            builder.UseSetting("GovOpenness:ClusterId", cluster);
            builder.UseSetting("GovOpenness:ServiceId", cluster);
        }
    }

    /// <summary>A client acting as an account of the body each request acts on (<see cref="ActingHandler"/>).</summary>
    public new HttpClient CreateClient() =>
        CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.RedirectHandler(), new ActingHandler(() => Services));

    /// <summary>A client without any account (the anonymous case).</summary>
    public HttpClient CreateAnonymousClient() => base.CreateClient();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One seeded server shared by the read-mostly API tests.</summary>
public sealed class SeededServer : IAsyncLifetime
{
    private readonly string _dataDirectory = TempFolder.Create("govopenness-server");

    public ServerFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new ServerFactory(_dataDirectory);
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        TempFolder.Delete(_dataDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class SeededServerCollection : ICollectionFixture<SeededServer>
{
    public const string Name = "seeded server";
}

internal static class TempFolder
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file for a moment; the OS temp folder is cleaned anyway.
        }
    }
}
