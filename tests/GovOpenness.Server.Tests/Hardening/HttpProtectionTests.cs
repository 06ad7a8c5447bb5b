using System.Net;
using System.Text.RegularExpressions;

namespace GovOpenness.Server.Tests.Hardening;

/// <summary>Headers, CORS and unknown ids on the shared seeded server.</summary>
[Collection(SeededServerCollection.Name)]
public sealed partial class HttpProtectionTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    [Theory]
    [InlineData("/")]
    [InlineData("/api/bodies/14")]
    [InlineData("/api/bodies/nope!")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path)
    {
        var response = await _client.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task TheViewerPageHasNoInlineScriptOrStyleForTheCspToBlock()
    {
        var html = await _client.GetStringAsync("/");

        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains("src=", s.Value));
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);
    }

    [Fact]
    public async Task AForeignOriginGetsNoCorsPermission()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/bodies/141181/plans/2022/localize");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        var response = await _client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/bodies/99999999")]
    [InlineData("/api/bodies/99999999/plans/2022")]
    [InlineData("/api/bodies/99999999/summary?year=2022")]
    [InlineData("/api/bodies/99999999/progress?year=2022")]
    [InlineData("/api/bodies/14.nosuchdept/summary?year=2022")]
    public async Task UnknownBodiesAreNotFoundProblems(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("不存在", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
