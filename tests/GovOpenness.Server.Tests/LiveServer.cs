using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovOpenness.Server.Tests;

/// <summary>
/// The real server on a real Kestrel loopback port (SignalR needs a socket), with a temp data folder and
/// the sample cascade (or, for a cluster, PostgreSQL and a cluster id). Shared by the live hub tests,
/// which use bodies and years of their own.
/// </summary>
public sealed class LiveServer : IAsyncLifetime
{
    private readonly string _dataDirectory = TempFolder.Create("govopenness-live");
    private string? _postgres;
    private string? _clusterId;
    private bool _seed = true;
    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();
    private int? _socketSendBuffer;
    private Action<IServiceCollection>? _services;
    private Factory? _factory;

    /// <summary>A server of a cluster on PostgreSQL, without the sample cascade.</summary>
    /// <param name="services">Changes to the server's services (e.g. one silo's storage pointed at a closed port).</param>
    public static LiveServer InCluster(string postgres, string clusterId, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) =>
        new() { _postgres = postgres, _clusterId = clusterId, _seed = false, _settings = settings ?? new Dictionary<string, string>(), _services = services };

    /// <summary>A server with the sample cascade and extra configuration (e.g. small SignalR buffers).</summary>
    /// <param name="socketSendBuffer">SO_SNDBUF of the listening socket, which Linux gives to every accepted one.</param>
    public static LiveServer WithSettings(IReadOnlyDictionary<string, string> settings, int? socketSendBuffer = null) =>
        new() { _settings = settings, _socketSendBuffer = socketSendBuffer };

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The folder of the server's SQLite file (without PostgreSQL).</summary>
    public string DataDirectory => _dataDirectory;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The server's services, for what only the server can observe (e.g. a stalled connection).</summary>
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        // A port found free may be taken (by another test's outgoing connection, tests run in parallel)
        // before Kestrel binds it: then start again on another one.
        for (var attempt = 1; ; attempt++)
        {
            _factory = new Factory(_dataDirectory, _postgres, _clusterId, _seed, _settings, _socketSendBuffer, _services);
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
        Client = ActingHandler.Client(() => Services, BaseAddress);
    }

    /// <summary>
    /// Waits, with a deadline, until this server's silo sends pushes to <paramref name="hosts"/> hosts: its
    /// copy of the live registry's lists changes when a host registers (a signal, no polling).
    /// </summary>
    public async Task WaitForLiveHostsAsync(int hosts)
    {
        var interest = Services.GetRequiredService<GovOpenness.Grains.Live.LiveInterest>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var changed = interest.Changed;
            if (interest.Hosts.Count >= hosts)
            {
                return;
            }

            await changed.WaitAsync(deadline.Token);
        }
    }

    /// <summary>
    /// Waits, with a deadline, until this server's silo sees <paramref name="silos"/> active silos: a grain
    /// placed on a silo that is still joining fails the call, so a cluster test starts once both see each other.
    /// </summary>
    public async Task WaitForActiveSilosAsync(int silos)
    {
        // Membership's own change feed (the current view first, then each change): no polling.
        var membership = Services.GetRequiredService<IClusterMembershipService>();
        var seen = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(timeout.Token))
            {
                seen = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
                if (seen >= silos)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below.
        }

        Assert.Fail($"60 秒内集群只有 {seen} 个活动节点，应有 {silos} 个");
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        TempFolder.Delete(_dataDirectory);
    }

    /// <summary>A viewer connected over WebSockets to /hubs/cascade, collecting what is pushed to it.</summary>
    public async Task<LiveViewer> ConnectAsync()
    {
        var token = ActingHandler.TokenFor(Services, "cn");
        var connection = new HubConnectionBuilder().WithUrl(new Uri(BaseAddress, "hubs/cascade"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
        var viewer = new LiveViewer(connection);
        await connection.StartAsync();
        return viewer;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Factory(string dataDirectory, string? postgres, string? clusterId, bool seed, IReadOnlyDictionary<string, string> settings, int? socketSendBuffer, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("GovOpenness:DataDirectory", dataDirectory);
            builder.UseSetting(TestAccounts.BootstrapKey, TestAccounts.AdminPassword);
            builder.UseSetting("GovOpenness:Http:RequestsPerMinute", "6000000");
            builder.UseSetting("GovOpenness:Http:SignInsPerMinute", "1000000");
            builder.UseSetting("GovOpenness:Http:Burst", "1000000");
            builder.UseSetting("GovOpenness:SeedSamples", seed.ToString());
            if (postgres is not null)
            {
                builder.UseSetting("ConnectionStrings:Postgres", postgres);
                builder.UseSetting("GovOpenness:ClusterId", clusterId);
                builder.UseSetting("GovOpenness:ServiceId", clusterId); // its own rows, like ServerFactory's clusters
            }

            builder.UseSetting("GovOpenness:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("GovOpenness:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (services is not null)
            {
                builder.ConfigureServices(services);
            }

            if (socketSendBuffer is { } bytes)
            {
                builder.ConfigureServices(services => services.Configure<SocketTransportOptions>(options => options.CreateBoundListenSocket = endpoint =>
                {
                    var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                    socket.SendBufferSize = bytes;
                    return socket;
                }));
            }
        }
    }
}

/// <summary>One pushed summary as the hub sends it (the view in its compact form: counts by figure number).</summary>
public sealed record PushedSummary(string BodyId, string? ParentId, int Year, JsonElement Compact, double PushedAt, double SentAt, long Epoch, long Sequence)
{
    public long Count(string figure) =>
        Compact.GetProperty("counts")[(int)Enum.Parse<GovOpenness.Domain.Progress.SummaryFigure>(figure, ignoreCase: true)].GetInt64();
}

/// <summary>A hub connection and the summaries it received, awaited with a deadline (never a sleep).</summary>
public sealed class LiveViewer : IAsyncDisposable
{
    private readonly Channel<PushedSummary> _received = Channel.CreateUnbounded<PushedSummary>();
    private readonly List<PushedSummary> _seen = [];

    public LiveViewer(HubConnection connection)
    {
        Connection = connection;
        connection.On<List<PushedSummary>>("Summaries", batch =>
        {
            foreach (var summary in batch)
            {
                _received.Writer.TryWrite(summary);
            }
        });
    }

    public HubConnection Connection { get; }

    public Task SubscribeAsync(string bodyId, int year) => Connection.InvokeAsync("Subscribe", bodyId, year);

    public Task UnsubscribeAsync(string bodyId, int year) => Connection.InvokeAsync("Unsubscribe", bodyId, year);

    /// <summary>
    /// The first summary received so far or later that matches, failing after the deadline. Earlier
    /// summaries are kept, so waits in any order see everything (one waiter at a time per viewer).
    /// </summary>
    public async Task<PushedSummary> WaitForAsync(Func<PushedSummary, bool> match, string what, TimeSpan? deadline = null)
    {
        if (_seen.FirstOrDefault(match) is { } earlier)
        {
            return earlier;
        }

        using var timeout = new CancellationTokenSource(deadline ?? TimeSpan.FromSeconds(15));
        try
        {
            await foreach (var summary in _received.Reader.ReadAllAsync(timeout.Token))
            {
                _seen.Add(summary);
                if (match(summary))
                {
                    return summary;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }

        throw new Xunit.Sdk.XunitException($"在期限内未收到推送：{what}");
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
