using System.Net;
using System.Text;
using MiniExcelLibs;

namespace GovOpenness.Server.Tests;

/// <summary>
/// The supervisor's desk over real HTTP on the seeded cascade: search, the filtered subtree, the 台账
/// as CSV and .xlsx, and "as of" a past day. 孝义市 (141181) and its 16 townships carry 孝义市's 2022 plan.
/// </summary>
[Collection(SeededServerCollection.Name)]
public sealed class DeskApiTests(SeededServer server)
{
    private readonly HttpClient _client = server.Client;

    [Theory]
    [InlineData("孝义", null)]
    [InlineData("141181", null)]
    [InlineData("xys", "14")]
    public async Task Search_finds_Xiaoyi_first_with_its_path(string query, string? within)
    {
        var result = await Json.ReadAsync(await _client.GetAsync($"/api/bodies?query={Uri.EscapeDataString(query)}" + (within is null ? "" : $"&within={within}")));

        var first = result.GetProperty("results")[0];
        Assert.Equal("141181", first.GetProperty("id").GetString());
        Assert.Equal(["国务院", "山西省", "吕梁市", "孝义市"], first.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("14", new[] { "14", "1411", "141181" }, new[] { "1401", "13" })] // codes: ancestors and own subtree, not a sibling's
    [InlineData("太原", new string[0], new[] { "1401" })]
    [InlineData("吕梁", new[] { "1411" }, new string[0])]
    [InlineData("xy", new[] { "141181" }, new[] { "3605" })] // 新余市 shares the initials but is not 孝义市's to read
    public async Task Search_finds_only_what_the_signed_in_account_may_read(string query, string[] found, string[] hidden)
    {
        using var client = server.Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", ActingHandler.TokenFor(server.Factory.Services, "141181"));

        var response = await client.GetAsync($"/api/bodies?query={Uri.EscapeDataString(query)}&take=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await Json.ReadAsync(response)).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.All(found, id => Assert.Contains(id, ids));
        Assert.All(hidden, id => Assert.DoesNotContain(id, ids));
        Assert.All(ids, id => Assert.True(id!.StartsWith("141181", StringComparison.Ordinal) || id is "14" or "1411" or "cn", $"{id} 不在孝义市的可见范围内"));
    }

    [Fact]
    public async Task Search_without_an_account_is_unauthorized()
    {
        using var anonymous = server.Factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/bodies?query=xys")).StatusCode);
    }

    [Theory]
    [InlineData("/api/bodies?query=", "缺少查询词")]
    [InlineData("/api/bodies?query=xy&take=0", "take“0”无效")]
    [InlineData("/api/bodies?query=xy&within=abc", "within 无效")]
    [InlineData("/api/bodies/141181/subtree?year=2022&step=签了", "step“签了”无效")]
    [InlineData("/api/bodies/141181/subtree?year=2022&light=purple", "light“purple”无效")]
    [InlineData("/api/bodies/141181/subtree?year=2022&sort=colour", "sort“colour”无效")]
    [InlineData("/api/bodies/141181/subtree?year=2022&asOf=2099-01-01", "晚于今天")]
    [InlineData("/api/bodies/141181/subtree?year=2022&asOf=yesterday", "asOf“yesterday”无效")]
    [InlineData("/api/bodies/141181/ledger?year=2022", "缺少 format")]
    [InlineData("/api/bodies/141181/ledger?year=2022&format=pdf", "format“pdf”无效")]
    public async Task Bad_queries_are_problems_in_Chinese(string url, string expected)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_body_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/bodies/999999/subtree?year=2022")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/bodies/999999/ledger?year=2022&format=csv")).StatusCode);
    }

    [Fact]
    public async Task Filtering_by_item_and_step_lists_the_bodies_that_have_not_acknowledged_it()
    {
        var item = await TaskItemAsync("141181202");
        await PostAsync("141181202", $$"""{"year":2022,"itemId":"{{item}}","step":"acknowledged","requestId":"desk-f1"}""");

        var list = await Json.ReadAsync(await _client.GetAsync($"/api/bodies/141181/subtree?year=2022&step=未签收&item={item}&take=200"));

        var ids = list.GetProperty("bodies").EnumerateArray().Select(b => b.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain("141181202", ids);
        Assert.Contains("141181204", ids);
        Assert.Equal(list.GetProperty("total").GetInt32(), ids.Count);
        Assert.All(list.GetProperty("bodies").EnumerateArray(), b => Assert.Equal("pending", b.GetProperty("itemStep").GetString()));
        Assert.All(list.GetProperty("bodies").EnumerateArray(), b => Assert.StartsWith("山西省 › 吕梁市", b.GetProperty("parentPath").GetString(), StringComparison.Ordinal));

        var acknowledged = await Json.ReadAsync(await _client.GetAsync($"/api/bodies/141181/subtree?year=2022&step=已签收&item={item}&level=township"));
        Assert.Contains("141181202", acknowledged.GetProperty("bodies").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Lists_page_and_sort()
    {
        var all = await Json.ReadAsync(await _client.GetAsync("/api/bodies/141181/subtree?year=2022&take=200"));
        Assert.Equal(17, all.GetProperty("total").GetInt32());
        Assert.Equal("141181", all.GetProperty("bodies")[0].GetProperty("id").GetString()); // tree order: the county first

        var page = await Json.ReadAsync(await _client.GetAsync("/api/bodies/141181/subtree?year=2022&level=township&sort=id&order=desc&skip=1&take=3"));
        var ids = page.GetProperty("bodies").EnumerateArray().Select(b => b.GetProperty("id").GetString()!).ToList();
        Assert.Equal(16, page.GetProperty("total").GetInt32());
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids.OrderDescending(StringComparer.Ordinal), ids);
        Assert.NotEqual("141181204", ids[0]); // skip=1 passed over the largest code
    }

    [Fact]
    public async Task The_ledger_exports_as_csv_with_a_bom_and_one_row_per_body_and_item()
    {
        var item = await TaskItemAsync("141181201");
        await PostAsync("141181201", $$"""{"year":2022,"itemId":"{{item}}","step":"acknowledged","requestId":"desk-c1"}""");
        await PostAsync("141181201", $$"""{"year":2022,"itemId":"{{item}}","step":"reported","note":"已公开","evidence":["https://example.gov.cn/a"],"requestId":"desk-c2"}""");

        var response = await _client.GetAsync("/api/bodies/141181/ledger?year=2022&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Records(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.StartsWith("机构编码,机构名称,层级路径,事项编号,工作任务", lines[0], StringComparison.Ordinal);
        var tasks = await TaskCountAsync("141181");
        Assert.Equal(17 * tasks, lines.Count - 1);
        var row = Assert.Single(lines, l => l.StartsWith($"141181201,", StringComparison.Ordinal) && l.Contains($",{item},", StringComparison.Ordinal));
        Assert.Contains(",已反馈,100,https://example.gov.cn/a,", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provinces_ledger_larger_than_the_writers_buffer_exports_as_csv()
    {
        // 山西省: about 1,486 bodies × 28 items, megabytes of rows (the writer's buffer holds 64 K characters).
        var response = await _client.GetAsync("/api/bodies/14/ledger?year=2022&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 1_000_000, $"{bytes.Length} bytes");
        var lines = Records(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var tasks = await TaskCountAsync("14");
        Assert.True(lines.Count - 1 >= 1000 * tasks, $"{lines.Count - 1} rows for {tasks} items");
        Assert.Contains(lines, l => l.StartsWith("141181201,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ledger_exports_as_xlsx_that_MiniExcel_reads_back()
    {
        var response = await _client.GetAsync("/api/bodies/141181/ledger?year=2022&format=xlsx&level=township&step=未签收");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(9, ((string)r["机构编码"]!).Length)); // townships only
        Assert.Contains(rows, r => (string?)r["办理环节"] == "未签收");
        Assert.All(rows, r => Assert.StartsWith("山西省 › 吕梁市 › 孝义市 › ", (string)r["层级路径"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task As_of_a_past_day_steps_taken_later_do_not_count()
    {
        var item = await TaskItemAsync("141181105");
        await PostAsync("141181105", $$"""{"year":2022,"itemId":"{{item}}","step":"acknowledged","requestId":"desk-a1"}""");

        var now = await Json.ReadAsync(await _client.GetAsync($"/api/bodies/141181105/subtree?year=2022&item={item}"));
        var then = await Json.ReadAsync(await _client.GetAsync($"/api/bodies/141181105/subtree?year=2022&item={item}&asOf=2022-12-31"));

        Assert.Equal("acknowledged", now.GetProperty("bodies")[0].GetProperty("itemStep").GetString());
        Assert.Equal("pending", then.GetProperty("bodies")[0].GetProperty("itemStep").GetString());
        Assert.Equal("2022-12-31", then.GetProperty("asOf").GetString());
        Assert.True(then.GetProperty("isPast").GetBoolean());
    }

    [Fact]
    public async Task The_trees_children_summaries_as_of_a_past_day_leave_out_later_steps()
    {
        var item = await TaskItemAsync("141181106");
        await PostAsync("141181106", $$"""{"year":2022,"itemId":"{{item}}","step":"acknowledged","requestId":"desk-tree-1"}""");
        await SettledAsync();

        var now = await Json.ReadAsync(await _client.GetAsync("/api/bodies/141181/children/summaries?year=2022&take=100"));
        var then = await Json.ReadAsync(await _client.GetAsync("/api/bodies/141181/children/summaries?year=2022&take=100&asOf=2022-03-01"));

        static System.Text.Json.JsonElement CountsOf(System.Text.Json.JsonElement page) => page.GetProperty("children").EnumerateArray()
            .Single(c => c.GetProperty("bodyId").GetString() == "141181106").GetProperty("view").GetProperty("summary").GetProperty("counts");
        Assert.True(CountsOf(now).GetProperty("itemsAcknowledged").GetInt64() >= 1);
        Assert.Equal(0, CountsOf(then).GetProperty("itemsAcknowledged").GetInt64());
        Assert.Equal(0, CountsOf(then).GetProperty("itemsOverdue").GetInt64()); // before any 2022 deadline
        Assert.Equal(CountsOf(now).GetProperty("items").GetInt64(), CountsOf(then).GetProperty("items").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/bodies/141181/children/summaries?year=2022&asOf=2999-01-01")).StatusCode);
    }

    /// <summary>The server says its pipeline has settled (the roll-up reached 孝义市), no waiting by the clock.</summary>
    private Task SettledAsync() => _client.WaitSettledAsync();

    /// <summary>CSV records: a line break inside a quoted cell (a multi-line note) does not end a record.</summary>
    private static List<string> Records(string csv)
    {
        var records = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            if (csv[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && csv[i] == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                records.Add(csv[start..i]);
                start = i + 2;
                i++;
            }
        }

        return records;
    }

    private async Task PostAsync(string bodyId, string json)
    {
        var response = await _client.PostAsync($"/api/bodies/{bodyId}/progress", Json.Body(json));
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The last item of the body's plan that is a task (x.y), not a chapter.</summary>
    private async Task<string> TaskItemAsync(string bodyId)
    {
        var plan = await Json.ReadAsync(await _client.GetAsync($"/api/bodies/{bodyId}/plans/2022"));
        return plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item")).Last(i => i.GetProperty("depth").GetInt32() > 1).GetProperty("id").GetString()!;
    }

    private async Task<int> TaskCountAsync(string bodyId)
    {
        var plan = await Json.ReadAsync(await _client.GetAsync($"/api/bodies/{bodyId}/plans/2022"));
        var items = plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetProperty("depth").GetInt32()).ToList();
        return items.Where((d, i) => !(i + 1 < items.Count && items[i + 1] > d)).Count(); // headings (deeper items under them) are not tasks
    }
}
