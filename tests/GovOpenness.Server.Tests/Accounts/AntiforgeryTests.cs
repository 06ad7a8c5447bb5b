using System.Net;

namespace GovOpenness.Server.Tests;

/// <summary>Writes made with the viewer's sign-in cookie need the antiforgery token of that sign-in; bearer clients need none.</summary>
[Collection(SeededServerCollection.Name)]
public sealed class AntiforgeryTests(SeededServer server)
{
    [Fact]
    public async Task ACookieWriteWithoutTheTokenIsRefusedAndChangesNothingWithItItSucceeds()
    {
        using var browser = server.Factory.CreateAnonymousClient(); // keeps cookies, like a browser
        var signedIn = await browser.PostAsync("/api/auth/login", Json.Body($$"""{"account":"{{TestAccounts.Admin}}","password":"{{TestAccounts.AdminPassword}}"}"""));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        const string department = """{"id":"14.csrf","name":"防伪测试厅","parentId":"14"}""";

        var forged = await browser.PostAsync("/api/bodies", Json.Body(department));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("防伪令牌", (await Json.ReadAsync(forged)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/api/bodies/14.csrf")).StatusCode);

        var token = await Json.ReadAsync(await browser.GetAsync("/api/auth/antiforgery"));
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/bodies") { Content = Json.Body(department) };
        write.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        var made = await browser.SendAsync(write);

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/bodies/14.csrf")).StatusCode);
    }

    [Fact]
    public async Task AnotherSignInsTokenDoesNotPass()
    {
        using var first = server.Factory.CreateAnonymousClient();
        await first.PostAsync("/api/auth/login", Json.Body($$"""{"account":"{{TestAccounts.Admin}}","password":"{{TestAccounts.AdminPassword}}"}"""));
        var foreignToken = (await Json.ReadAsync(await first.GetAsync("/api/auth/antiforgery"))).GetProperty("token").GetString();
        using var second = server.Factory.CreateAnonymousClient();
        await second.PostAsync("/api/auth/login", Json.Body($$"""{"account":"{{TestAccounts.Admin}}","password":"{{TestAccounts.AdminPassword}}"}"""));

        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/align") { Content = Json.Body("""{"parent":"一、","child":"一、"}""") };
        write.Headers.Add("X-CSRF-TOKEN", foreignToken);

        Assert.Equal(HttpStatusCode.Forbidden, (await second.SendAsync(write)).StatusCode);
    }

    [Fact]
    public async Task ABearerClientWritesWithoutAnyToken()
    {
        var response = await server.Client.PostAsync("/api/bodies", Json.Body("""{"id":"14.csrfbearer","name":"令牌测试厅","parentId":"14"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
