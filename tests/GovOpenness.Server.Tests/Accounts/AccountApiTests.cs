using System.Net;
using GovOpenness.Server.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Server.Tests;

[Collection(SeededServerCollection.Name)]
public sealed class AccountApiTests(SeededServer server)
{
    [Fact]
    public async Task The_bootstrap_administrator_gets_a_token_that_names_its_body()
    {
        using var admin = await SignIn.ClientAsync(server.Factory, TestAccounts.Admin, TestAccounts.AdminPassword);

        var me = await Json.ReadAsync(await admin.GetAsync("/api/accounts/me"));

        Assert.Equal("admin", me.GetProperty("account").GetString());
        Assert.Equal("cn", me.GetProperty("bodyId").GetString());
        Assert.Equal("admin", Assert.Single(me.GetProperty("roles").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Wrong_credentials_are_a_401_with_a_chinese_problem_and_no_token()
    {
        using var anonymous = server.Factory.CreateAnonymousClient();

        var response = await anonymous.PostAsync("/api/auth/token", Json.Body("""{"account":"admin","password":"not-the-password"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal("登录失败", problem.GetProperty("title").GetString());
        Assert.Equal("账号或密码错误", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task Without_a_token_every_api_read_and_write_is_a_401()
    {
        using var anonymous = server.Factory.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/bodies/14")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/bodies/14/progress", Json.Body("""{"year":2022,"itemId":"1","step":"acknowledged"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task An_account_is_locked_after_five_wrong_passwords_even_for_the_right_one()
    {
        await SignIn.CreateAccountAsync(server.Factory, "lock-test", "right-password", "1411", "reporter");
        using var anonymous = server.Factory.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/auth/token", Json.Body("""{"account":"lock-test","password":"wrong-password"}"""))).StatusCode);
        }

        var locked = await anonymous.PostAsync("/api/auth/token", Json.Body("""{"account":"lock-test","password":"right-password"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("锁定", (await Json.ReadAsync(locked)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_administrator_creates_accounts_in_its_subtree_only()
    {
        await SignIn.CreateAccountAsync(server.Factory, "shanxi-admin", "shanxi-password", "14", "admin");
        using var shanxi = await SignIn.ClientAsync(server.Factory, "shanxi-admin", "shanxi-password");

        var below = await shanxi.PostAsync("/api/accounts", Json.Body("""{"account":"xiaoyi-editor","password":"xiaoyi-password","bodyId":"141181","roles":["editor"]}"""));
        var elsewhere = await shanxi.PostAsync("/api/accounts", Json.Body("""{"account":"hebei-editor","password":"hebei-password","bodyId":"13","roles":["editor"]}"""));
        var above = await shanxi.PostAsync("/api/accounts", Json.Body("""{"account":"cn-editor","password":"cn-password","bodyId":"cn","roles":["admin"]}"""));

        Assert.Equal(HttpStatusCode.Created, below.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, above.StatusCode);
        Assert.Contains("无权管理账号", (await Json.ReadAsync(elsewhere)).GetProperty("detail").GetString());
        using var xiaoyi = await SignIn.ClientAsync(server.Factory, "xiaoyi-editor", "xiaoyi-password");
        Assert.Equal("141181", (await Json.ReadAsync(await xiaoyi.GetAsync("/api/accounts/me"))).GetProperty("bodyId").GetString());
    }

    [Fact]
    public async Task A_new_account_needs_a_known_role_and_a_long_enough_password()
    {
        using var admin = await SignIn.ClientAsync(server.Factory, TestAccounts.Admin, TestAccounts.AdminPassword);

        var badRole = await admin.PostAsync("/api/accounts", Json.Body("""{"account":"r1","password":"long-enough-1","bodyId":"14","roles":["superuser"]}"""));
        var shortPassword = await admin.PostAsync("/api/accounts", Json.Body("""{"account":"r2","password":"short","bodyId":"14","roles":["editor"]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("roles", (await Json.ReadAsync(badRole)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Contains("密码至少", (await Json.ReadAsync(shortPassword)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_dashboard_is_for_administrators_of_cn_only()
    {
        await SignIn.CreateAccountAsync(server.Factory, "dash-14", "dash-password", "14", "admin");
        using var province = await SignIn.ClientAsync(server.Factory, "dash-14", "dash-password");
        using var nation = await SignIn.ClientAsync(server.Factory, TestAccounts.Admin, TestAccounts.AdminPassword);
        using var anonymous = server.Factory.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await province.GetAsync("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nation.GetAsync("/dashboard/")).StatusCode);
    }
}

/// <summary>A first start without GovOpenness:Bootstrap:AdminPassword: no account, a one-time setup code.</summary>
public sealed class BootstrapTests
{
    [Fact]
    public async Task Without_a_bootstrap_password_no_account_exists_until_the_setup_code_is_used_once()
    {
        var folder = TempFolder.Create("govopenness-setup");
        try
        {
            await using var factory = new ServerFactory(folder, seed: false);
            await using var withoutPassword = factory.WithWebHostBuilder(b => b.UseSetting(TestAccounts.BootstrapKey, ""));
            using var anonymous = withoutPassword.CreateClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/auth/token", Json.Body("""{"account":"admin","password":"test-admin-password"}"""))).StatusCode);

            var code = withoutPassword.Services.GetRequiredService<SetupCode>().Issue();
            var wrong = await anonymous.PostAsync("/api/auth/setup", Json.Body("""{"code":"0000","password":"first-admin-password"}"""));
            var right = await anonymous.PostAsync("/api/auth/setup", Json.Body($$"""{"code":"{{code}}","password":"first-admin-password"}"""));
            var again = await anonymous.PostAsync("/api/auth/setup", Json.Body($$"""{"code":"{{code}}","password":"second-admin-password"}"""));

            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
            Assert.Equal(HttpStatusCode.Created, right.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("/api/auth/token", Json.Body("""{"account":"admin","password":"first-admin-password"}"""))).StatusCode);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
