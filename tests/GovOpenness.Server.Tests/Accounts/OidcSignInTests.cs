using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Server.Tests;

/// <summary>OpenID Connect sign-in (统一身份认证): off unless configured; configured, the standard handler sends the user to the platform.</summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private const string ClientId = "govopenness-test";
    private readonly string _data = TempFolder.Create("govopenness-oidc");
    private WebApplication _platform = null!;
    private string _platformUrl = "";

    public async Task InitializeAsync()
    {
        // A stand-in identity platform that publishes its metadata (all the handler reads before redirecting).
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _platform = builder.Build();
        _platform.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _platformUrl,
            ["authorization_endpoint"] = _platformUrl + "/authorize",
            ["token_endpoint"] = _platformUrl + "/token",
            ["jwks_uri"] = _platformUrl + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _platform.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
        await _platform.StartAsync();
        _platformUrl = _platform.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    [Fact]
    public async Task UnconfiguredItIsA404SayingSo()
    {
        await using var factory = new ServerFactory(_data, seed: false);
        using var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync("/api/auth/oidc");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未配置统一身份认证", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ConfiguredTheUserIsSentToThePlatformsSignInWithTheCodeFlow()
    {
        await using var factory = new ServerFactory(_data, seed: false, settings: new Dictionary<string, string>
        {
            ["GovOpenness:Oidc:Authority"] = _platformUrl,
            ["GovOpenness:Oidc:ClientId"] = ClientId,
            ["GovOpenness:Oidc:RequireHttpsMetadata"] = "false",
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/api/auth/oidc");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(_platformUrl + "/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=" + ClientId, location, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/signin-oidc"), location, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        TempFolder.Delete(_data);
    }
}
