using System.Net;
using System.Text.Json;

namespace GovOpenness.Server.Tests.Workspace;

/// <summary>
/// Importing a body's own Word document pair by pair, on the seeded cascade: 山西省生态环境厅's real plan
/// (samples 000, as .docx) against 山西省's (001). The pairs come back without anything stored; a pair
/// re-paired or un-paired by the editor is what the saved draft carries; bad corrections, a broken file
/// and a body without the right are refused in Chinese and change nothing.
/// </summary>
[Collection(SeededServerCollection.Name)]
public sealed class ImportPairsApiTests(SeededServer fixture)
{
    private const string Department = "14.sthj";
    private static readonly string Document = Convert.ToBase64String(SampleDocx.Of("000"));

    private static HttpContent Request(object? corrections = null, string? document = null) =>
        Json.Body(JsonSerializer.Serialize(new { document = document ?? Document, fileName = "生态环境厅工作要点.docx", corrections }));

    [Fact]
    public async Task The_pairs_of_a_docx_are_shown_and_a_repaired_and_an_unpaired_item_are_what_the_draft_saves()
    {
        var client = fixture.Client;
        using var previewResponse = await client.PostAsync($"/api/bodies/{Department}/plans/2022/import/pairs", Request());
        var preview = await Json.ReadAsync(previewResponse);
        Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
        Assert.Contains("生态环境", preview.GetProperty("title").GetString());
        var pairs = preview.GetProperty("pairs").EnumerateArray().ToList();
        Assert.True(pairs.Count >= 10, $"只读出{pairs.Count}项");
        var paired = pairs.Where(p => ParentOf(p) is not null).ToList();
        Assert.True(paired.Count >= 5, $"只有{paired.Count}项配对");

        // Re-pair the first paired item to a parent task it was not paired with; un-pair the second.
        var moved = paired[0];
        var movedId = moved.GetProperty("itemId").GetString()!;
        var target = preview.GetProperty("parentItems").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)
            .First(p => pairs.All(x => ParentOf(x) != p));
        var unpairedId = paired[1].GetProperty("itemId").GetString()!;
        var corrections = new[] { new { childItemId = movedId, parentItemId = (string?)target }, new { childItemId = unpairedId, parentItemId = (string?)null } };

        using var corrected = await client.PostAsync($"/api/bodies/{Department}/plans/2022/import/pairs", Request(corrections));
        var correctedPairs = (await Json.ReadAsync(corrected)).GetProperty("pairs").EnumerateArray().ToList();
        var movedPair = correctedPairs.Single(p => p.GetProperty("itemId").GetString() == movedId);
        Assert.Equal(target, ParentOf(movedPair));
        Assert.True(movedPair.GetProperty("corrected").GetBoolean());
        Assert.Equal("added", correctedPairs.Single(p => p.GetProperty("itemId").GetString() == unpairedId).GetProperty("change").GetString());
        var versionBefore = await DraftVersionAsync(client);

        using var saved = await client.PostAsync($"/api/bodies/{Department}/plans/2022/import/draft", Request(corrections));
        var answer = await Json.ReadAsync(saved);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var draft = answer.GetProperty("draft");
        Assert.Equal(versionBefore + 1, draft.GetProperty("version").GetInt32());
        var changes = draft.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("change")).ToList();
        var movedHeading = moved.GetProperty("heading").GetString()!;
        Assert.Contains(changes, c => c.GetProperty("itemId").GetString() == target && c.TryGetProperty("heading", out var h) && h.GetString() == movedHeading);
        Assert.Contains(changes, c => c.GetProperty("itemId").GetString() == "L" + unpairedId);
        var record = (await Json.ReadAsync(await client.GetAsync($"/api/bodies/{Department}/history?kind=draft"))).EnumerateArray();
        Assert.Contains(record, r => r.GetProperty("summary").GetString()!.Contains("人工更正配对2项", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_items_a_broken_file_and_an_account_of_another_body_are_refused_and_nothing_is_saved()
    {
        var client = fixture.Client;
        var versionBefore = await DraftVersionAsync(client);
        using var unknownChild = await client.PostAsync($"/api/bodies/{Department}/plans/2022/import/pairs", Request(new[] { new { childItemId = "99.9", parentItemId = "1" } }));
        using var broken = await client.PostAsync($"/api/bodies/{Department}/plans/2022/import/draft",
            Request(document: Convert.ToBase64String([.. "PK\u0003\u0004"u8.ToArray(), .. new byte[200]])));
        using var notBase64 = await client.PostAsync($"/api/bodies/{Department}/plans/2022/import/draft", Request(document: "不是文件"));
        var otherBody = new HttpRequestMessage(HttpMethod.Post, $"/api/bodies/{Department}/plans/2022/import/draft") { Content = Request() };
        otherBody.Headers.Add(ActingHandler.ActAsHeader, "1411");
        using var refused = await client.SendAsync(otherBody);

        Assert.Equal(HttpStatusCode.BadRequest, unknownChild.StatusCode);
        Assert.Contains("本级文件中没有可配对的事项“99.9”", (await Json.ReadAsync(unknownChild)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("无法读取 Word 文件", (await Json.ReadAsync(broken)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, notBase64.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(versionBefore, await DraftVersionAsync(client));
    }

    private static async Task<int> DraftVersionAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/bodies/{Department}/plans/2022/draft");
        request.Headers.Add(ActingHandler.ActAsHeader, Department); // the body's own editor
        using var response = await client.SendAsync(request);
        var draft = await Json.ReadAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"草稿读取失败：{draft}");
        return draft.GetProperty("version").GetInt32();
    }

    private static string? ParentOf(JsonElement pair) => pair.TryGetProperty("parentItemId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
