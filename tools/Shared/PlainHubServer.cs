using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Tools;

/// <summary>
/// The benchmarks' baseline: a plain SignalR hub on its own Kestrel port (no Orleans, no groups, no
/// throttling, no sign-in), against which the real server's pushes and round trips are measured.
/// </summary>
public sealed class PlainHubServer<THub> : IAsyncDisposable
    where THub : Hub
{
    private readonly WebApplication _app;

    private PlainHubServer(WebApplication app, Uri hub) => (_app, Hub) = (app, hub);

    public Uri Hub { get; }

    public IHubContext<THub> Context => _app.Services.GetRequiredService<IHubContext<THub>>();

    public static async Task<PlainHubServer<THub>> StartAsync(int port, string path)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<THub>(path);
        await app.StartAsync();
        return new PlainHubServer<THub>(app, new Uri($"http://127.0.0.1:{port}{path}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
