using System.Net;

namespace GovOpenness.Server.Tests.Hardening;

/// <summary>The rate limiter on a server of its own with small limits.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly string _data = TempFolder.Create("govopenness-ratelimit");
    private ServerFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new ServerFactory(_data, seed: false, settings: new Dictionary<string, string>
        {
            ["GovOpenness:Http:RequestsPerMinute"] = "60",
            ["GovOpenness:Http:Burst"] = "5",
            ["GovOpenness:Http:SignInsPerMinute"] = "2",
        });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AClientBeyondItsBurstGetsA429ProblemInChinese()
    {
        var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        // The bucket holds 5 and refills 1 a second: 20 requests in a row cannot all pass.
        for (var i = 0; i < 20 && limited is null; i++)
        {
            var response = await client.GetAsync("/alive");
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 5, string.Join(",", statuses));
        Assert.Equal("请求过多", (await Json.ReadAsync(limited)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task EachSignedInAccountHasItsOwnBucketAtTheSameAddress()
    {
        // Both clients come from the same (test) address: only the account tells them apart.
        var first = _factory.CreateClient();
        first.DefaultRequestHeaders.Authorization = new("Bearer", ActingHandler.TokenFor(_factory.Services, "14"));
        var second = _factory.CreateClient();
        second.DefaultRequestHeaders.Authorization = new("Bearer", ActingHandler.TokenFor(_factory.Services, "1411"));

        var limited = false;
        for (var i = 0; i < 20 && !limited; i++)
        {
            limited = (await first.GetAsync("/alive")).StatusCode == HttpStatusCode.TooManyRequests;
        }

        Assert.True(limited, "the first account never reached its limit");
        // A full burst of its own: a bucket shared with the first account (1 token a second) could not give five.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/alive")).StatusCode);
        }
    }

    [Fact]
    public async Task SignInAttemptsFromOneAddressAreLimitedBeforeTheAccountLockout()
    {
        // A server of its own whose general bucket is roomy: only the sign-in limit (2 a minute) may refuse
        // here (with the class's burst of 5, the five requests below drained it when nothing had refilled yet).
        var data = TempFolder.Create("govopenness-signin-limit");
        var factory = new ServerFactory(data, seed: false, settings: new Dictionary<string, string>
        {
            ["GovOpenness:Http:RequestsPerMinute"] = "600",
            ["GovOpenness:Http:Burst"] = "100",
            ["GovOpenness:Http:SignInsPerMinute"] = "2",
        });
        try
        {
            await SignInsAreLimitedAsync(factory);
        }
        finally
        {
            await factory.DisposeAsync();
            TempFolder.Delete(data);
        }
    }

    private static async Task SignInsAreLimitedAsync(ServerFactory factory)
    {
        var client = factory.CreateAnonymousClient();
        var wrong = Json.Body("""{"account":"admin","password":"not-the-password"}""");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsync("/api/auth/token", Json.Body("""{"account":"admin","password":"not-the-password"}"""))).StatusCode);
        }

        // Two guesses a minute; the third is refused before the password is even checked.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        var login = await client.PostAsync("/api/auth/login", wrong);
        Assert.Equal(HttpStatusCode.TooManyRequests, login.StatusCode);
        Assert.Equal("请求过多", (await Json.ReadAsync(login)).GetProperty("title").GetString());
        // Other requests from the address still pass: only signing in is held back.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        TempFolder.Delete(_data);
    }
}
