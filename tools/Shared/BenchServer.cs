using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Tools;

/// <summary>The real GovOpenness server (silo, SQLite in a temp folder, hub) on a real Kestrel loopback port.</summary>
// Any public type of the server assembly names its entry point (this tool has its own Program).
public sealed class BenchServer : WebApplicationFactory<GovOpenness.Server.Live.CascadeHub>
{
    private readonly string _dataDirectory;

    /// <summary>The bootstrap administrator's password (admin of cn), fresh per run.</summary>
    private readonly string _adminPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private readonly IReadOnlyDictionary<string, string> _settings;

    private readonly Action<IServiceCollection>? _services;

    /// <param name="name">Names the temporary data folder (e.g. "livebench"), so a left-over one says whose it is.</param>
    /// <param name="settings">Configuration over the defaults below (e.g. <c>GovOpenness:SeedSamples=true</c> for the sample cascade).</param>
    /// <param name="services">Registrations after the server's own (e.g. a progress clock the benchmark moves).</param>
    public BenchServer(string name, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"govopenness-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dataDirectory);
        UseKestrel(FreePort());
        StartServer();
    }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A bearer token of the bootstrap administrator (reads and subscribes anywhere).</summary>
    public Task<string> AdminTokenAsync() => TokenAsync("admin", _adminPassword);

    /// <summary>Creates an account of the body with the roles (as the administrator) and answers its token.</summary>
    public async Task<string> AccountTokenAsync(string account, string bodyId, params string[] roles)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await AdminTokenAsync());
        (await http.PostAsJsonAsync("/api/accounts", new { account, password = _adminPassword, bodyId, roles })).EnsureSuccessStatusCode();
        return await TokenAsync(account, _adminPassword);
    }

    private async Task<string> TokenAsync(string account, string password)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var answer = await http.PostAsJsonAsync("/api/auth/token", new { account, password });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
    }

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
        builder.UseSetting("GovOpenness:Bootstrap:AdminPassword", _adminPassword);
        builder.UseSetting("GovOpenness:Dashboard:Enabled", Environment.GetEnvironmentVariable("BENCH_DASHBOARD") ?? "false");
        builder.UseSetting("GovOpenness:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("GovOpenness:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Thousands of viewers connect from this one process as one account: the per-client rate limit
        // (a guard against a single misbehaving client) would turn them away with 429. Benchmarks measure
        // delivery, not the guard.
        builder.UseSetting("GovOpenness:Http:RequestsPerMinute", "6000000");
        builder.UseSetting("GovOpenness:Http:Burst", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
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
