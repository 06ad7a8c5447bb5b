using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Server.Tests.Hardening;

/// <summary>With the shipped appsettings.json, serving requests writes no log line per request (the log stays small).</summary>
public sealed class RequestLoggingTests : IAsyncLifetime
{
    private readonly string _data = TempFolder.Create("govopenness-logging");
    private readonly CapturingLogs _logs = new();
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ServerFactory(_data, seed: false).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(_logs)));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ServingRequestsLogsNothingPerRequestByDefault()
    {
        // Signed in, so that requests reach grains (each new activation is placed: Orleans' placement runs
        // through a Polly pipeline that logs every execution at Information), and anonymous 401s too.
        var client = _factory.CreateDefaultClient(new ActingHandler(() => _factory.Services));
        var anonymous = _factory.CreateClient();
        Assert.True((await client.GetAsync("/api/bodies/14")).IsSuccessStatusCode);
        var before = _logs.Entries.Count;

        for (var i = 0; i < 100; i++)
        {
            // 山西省's prefectures and 孝义市: new grains, each placed once.
            var body = i % 2 == 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"14{1 + (i % 11):00}") : "141181";
            await client.GetAsync($"/api/bodies/{body}/summary?year=2022");
            await anonymous.GetAsync("/api/bodies/14");
        }

        var during = _logs.Entries.Skip(before).ToList();
        Assert.True(during.Count == 0, "logged per request: " + string.Join(" | ", during.Take(5)));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        TempFolder.Delete(_data);
    }

    /// <summary>Receives what the configured filters let through, like the console does.</summary>
    private sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
        }
    }
}
