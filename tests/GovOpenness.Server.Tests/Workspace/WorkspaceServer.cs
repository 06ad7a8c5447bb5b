using System.Net.Http.Headers;
using GovOpenness.Server.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Server.Tests.Workspace;

/// <summary>
/// The real server on a Kestrel port for the workspace tests, with a small evidence limit (64 KB) so a
/// file too large is cheap to send. Each test publishes its own plan at 新疆 (65) in a year of its own.
/// </summary>
public sealed class WorkspaceServer : IAsyncLifetime
{
    public const long EvidenceLimit = 64 * 1024;

    public LiveServer Server { get; } = LiveServer.WithSettings(new Dictionary<string, string>
    {
        ["GovOpenness:Evidence:MaxBytes"] = EvidenceLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    /// <summary>Acts as an account with every role of the body each request acts on (<see cref="ActingHandler"/>).</summary>
    public HttpClient Client => Server.Client;

    /// <summary>A client signed in (bearer) as an account of <paramref name="bodyId"/> with only <paramref name="roles"/>.</summary>
    public HttpClient As(string bodyId, params string[] roles)
    {
        var token = Server.Services.GetRequiredService<AccessTokens>().Issue(AccountClaims.Principal($"ws-{bodyId}-{string.Join("-", roles)}", bodyId, roles, "test"));
        var client = new HttpClient { BaseAddress = Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Publishes a two-item plan at 65 for <paramref name="year"/> (item "1" due 11月30日, item "2" due 6月30日).</summary>
    public async Task PublishAsync(int year)
    {
        var plan = $$"""
            {"year":{{year}},"title":"测试工作要点","items":[
              {"id":"1","heading":"公开预算","text":"公开预算决算信息","deadlines":[{"text":"11月底前","kind":"by","date":"{{year}}-11-30"}],"units":["财政厅"]},
              {"id":"2","heading":"公开规划","text":"公开规划信息","deadlines":[{"text":"6月底前","kind":"by","date":"{{year}}-06-30"}],"units":["发展改革委"]}]}
            """;
        using var response = await Client.PostAsync("/api/bodies/65/plans", Json.Body(plan));
        response.EnsureSuccessStatusCode();
        await SettledAsync();
    }

    /// <summary>
    /// The server's signal that its pipeline has settled: a publish answers once it is stored, and its
    /// delivery to the children follows (a read right after it raced the delivery on a loaded machine).
    /// </summary>
    public Task SettledAsync() => Client.WaitSettledAsync();

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class WorkspaceCollection : ICollectionFixture<WorkspaceServer>
{
    public const string Name = "workspace server";
}
