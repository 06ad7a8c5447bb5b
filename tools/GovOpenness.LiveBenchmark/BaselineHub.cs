using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovOpenness.LiveBenchmark;

/// <summary>The baseline: a plain SignalR hub (no Orleans, no groups, no throttling) broadcasting to every client.</summary>
public sealed class BaselineHub : Hub;

public sealed class BaselineServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BaselineServer(WebApplication app, Uri hub) => (_app, Hub) = (app, hub);

    public Uri Hub { get; }

    public IHubContext<BaselineHub> Context => _app.Services.GetRequiredService<IHubContext<BaselineHub>>();

    public static async Task<BaselineServer> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BaselineHub>("/hubs/baseline");
        await app.StartAsync();
        return new BaselineServer(app, new Uri($"http://127.0.0.1:{port}/hubs/baseline"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
