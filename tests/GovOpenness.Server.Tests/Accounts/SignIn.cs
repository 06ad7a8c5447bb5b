using System.Net;
using System.Net.Http.Headers;

namespace GovOpenness.Server.Tests;

/// <summary>Signing in with a password through the real API, and clients carrying the token.</summary>
internal static class SignIn
{
    public static async Task<string> TokenAsync(HttpClient anonymous, string account, string password)
    {
        var response = await anonymous.PostAsync("/api/auth/token", Json.Body($$"""{"account":"{{account}}","password":"{{password}}"}"""));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"登录失败：{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await Json.ReadAsync(response)).GetProperty("accessToken").GetString()!;
    }

    public static async Task<HttpClient> ClientAsync(ServerFactory factory, string account, string password)
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, account, password));
        return client;
    }

    /// <summary>Creates an account as the bootstrap administrator and fails the test unless it is created.</summary>
    public static async Task CreateAccountAsync(ServerFactory factory, string account, string password, string bodyId, params string[] roles)
    {
        using var admin = await ClientAsync(factory, TestAccounts.Admin, TestAccounts.AdminPassword);
        var list = string.Join(",", roles.Select(r => $"\"{r}\""));
        var response = await admin.PostAsync("/api/accounts", Json.Body($$"""{"account":"{{account}}","password":"{{password}}","bodyId":"{{bodyId}}","roles":[{{list}}]}"""));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"账号未创建：{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
