using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GovOpenness.Domain.Parsing;

namespace GovOpenness.Server.Tests;

/// <summary>
/// Confirming the creation of the departments a 分工方案 names but no body matches, over real HTTP (Kestrel)
/// as 山西省's editor: validated, recorded, and idempotent on retry.
/// </summary>
public sealed class DivisionDepartmentCreationApiTests(LiveServer server) : IClassFixture<LiveServer>
{
    private const string Path = "/api/bodies/14/plans/2022/division";

    [Fact]
    public async Task The_province_editor_creates_the_confirmed_departments_once_and_each_takes_its_share()
    {
        using var editor = await SignedInAsync("division-editor", "editor");
        using var reporter = await SignedInAsync("division-reporter", "reporter");
        var (table, first, second, untouched) = Table();

        // Without confirmation the names are listed, nothing is created.
        var listed = await Json.ReadAsync(await PostOkAsync(editor, Path, table));
        Assert.Equal(["省教育厅", "省统计局"], listed.GetProperty("unmatched").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, listed.GetProperty("created").GetArrayLength());

        // A name the table does not list is refused, saying which, and nothing is created.
        var unknown = await editor.PostAsync($"{Path}?create={Uri.EscapeDataString("省教育厅")}&create={Uri.EscapeDataString("省无此厅")}", Text(table));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("“省无此厅”", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("“省教育厅”", problem.Split("可新建")[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/api/bodies/14.jy")).StatusCode);

        // A reporter may not import (nor create).
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsync(Confirmed, Text(table))).StatusCode);

        var created = await Json.ReadAsync(await PostOkAsync(editor, Confirmed, table));
        Assert.Equal(
            ["14.jy 山西省教育厅 省教育厅", "14.tj 山西省统计局 省统计局"],
            created.GetProperty("created").EnumerateArray().Select(c => $"{c.GetProperty("id").GetString()} {c.GetProperty("name").GetString()} {c.GetProperty("written").GetString()}"));
        Assert.Equal(0, created.GetProperty("unmatched").GetArrayLength());
        var jy = Department(created, "14.jy");
        Assert.Equal([first], jy.GetProperty("leads").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([second], jy.GetProperty("cooperates").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([second], Department(created, "14.tj").GetProperty("leads").EnumerateArray().Select(e => e.GetString()));

        var body = await Json.ReadAsync(await editor.GetAsync("/api/bodies/14.jy"));
        Assert.Equal("山西省教育厅", body.GetProperty("body").GetProperty("name").GetString());
        Assert.Equal("14", body.GetProperty("body").GetProperty("parentId").GetString());
        var plan = await Json.ReadAsync(await editor.GetAsync("/api/bodies/14.jy/plans/2022"));
        var kept = plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetProperty("id").GetString()).ToList();
        Assert.Contains(first, kept);
        Assert.Contains(second, kept);
        Assert.DoesNotContain(untouched, kept);

        // Retrying creates nothing twice: the names now match the departments made the first time.
        var retried = await Json.ReadAsync(await PostOkAsync(editor, Confirmed, table));
        Assert.Equal(0, retried.GetProperty("created").GetArrayLength());
        Assert.Equal([first], Department(retried, "14.jy").GetProperty("leads").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/api/bodies/14.jy2")).StatusCode);

        // The record names the account, the body and the departments created.
        var history = (await Json.ReadAsync(await editor.GetAsync("/api/bodies/14/history?kind=division"))).EnumerateArray().ToList();
        var record = Assert.Single(history, r => r.GetProperty("summary").GetString()!.Contains("确认新建部门", StringComparison.Ordinal));
        Assert.Equal("division-editor", record.GetProperty("account").GetString());
        Assert.Contains("“山西省教育厅”（14.jy，表中写作“省教育厅”）", record.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("“山西省统计局”（14.tj，表中写作“省统计局”）", record.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, history.Count(r => r.GetProperty("account").GetString() == "division-editor"));
    }

    private static string Confirmed => $"{Path}?create={Uri.EscapeDataString("省教育厅")}&create={Uri.EscapeDataString("省统计局")}";

    /// <summary>Two of 001's own items restated as the rows of a division table naming two departments no body has yet.</summary>
    private static (string Table, string First, string Second, string Untouched) Table()
    {
        var province = PlanParser.Parse(SampleDocuments.Read("001"));
        var leaves = province.Items.Where(i => !province.Items.Any(o => o.Id.StartsWith(i.Id + ".", StringComparison.Ordinal))).ToList();
        var (first, second) = (leaves[0], leaves[^1]);
        var table = "山西省2022年政务公开工作要点分工方案\n\n| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
            + $"| 1 | {OneLine(first)} | 省教育厅 | 省生态环境厅 | 持续推进 |\n"
            + $"| 2 | {OneLine(second)} | 省统计局 | 省教育厅 | 年底前 |\n";
        return (table, first.Id, second.Id, leaves[1].Id);
    }

    private static System.Text.Json.JsonElement Department(System.Text.Json.JsonElement result, string id) =>
        result.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("id").GetString() == id);

    private static StringContent Text(string table) => new(table, Encoding.UTF8, "text/plain");

    private static async Task<HttpResponseMessage> PostOkAsync(HttpClient client, string path, string table)
    {
        var response = await client.PostAsync(path, Text(table));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static string OneLine(GovOpenness.Domain.Plans.PlanItem item)
        => $"{item.Heading}{item.Text}".ReplaceLineEndings(string.Empty).Replace("|", string.Empty, StringComparison.Ordinal);

    /// <summary>An account of 山西省 (14) with one role, created by the bootstrap administrator, signed in with its password.</summary>
    private async Task<HttpClient> SignedInAsync(string account, string role)
    {
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignIn.TokenAsync(anonymous, TestAccounts.Admin, TestAccounts.AdminPassword));
        var password = $"{account}-password";
        var made = await anonymous.PostAsync("/api/accounts", Json.Body($$"""{"account":"{{account}}","password":"{{password}}","bodyId":"14","roles":["{{role}}"]}"""));
        Assert.True(made.StatusCode == HttpStatusCode.Created, $"账号未创建：{(int)made.StatusCode} {await made.Content.ReadAsStringAsync()}");
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignIn.TokenAsync(client, account, password));
        return client;
    }
}
