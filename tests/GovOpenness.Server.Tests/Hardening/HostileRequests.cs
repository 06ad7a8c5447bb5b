using System.Text;
using System.Text.Json.Nodes;

namespace GovOpenness.Server.Tests.Hardening;

/// <summary>
/// Hostile and careless requests across every endpoint, from a seed: each is invalid by construction
/// (a required field removed, a null, a wrong type, an unknown or misspelt field, a bad date, kind or
/// index, a null list element, truncated or oversized input, a wrong content type or method, a malformed
/// id or query), so none may succeed and none may change stored data.
/// </summary>
internal sealed class HostileRequests(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] BadIds =
    [
        "99999999", "14.nosuch", "..%2F..%2Fetc", "%00", "'%20OR%201%3D1--", "%E4%B8%AD%E6%96%87", new string('9', 300),
        "14..", ".14", "14%2F1411", "%3Cscript%3E", "-1", "cn%20", "14.sthj.x.y",
    ];

    private static readonly string[] BadQueries =
    [
        "", "?year=", "?year=abc", "?year=1999", "?year=99999999999", "?year=2022.5", "?year=-1", "?year=2022&skip=-1",
        "?year=2022&take=0", "?year=2022&take=101", "?year=2022&skip=abc",
    ];

    /// <summary>Valid requests (bodies and items of the sample cascade); every mutation below makes them invalid.</summary>
    private static readonly (string Path, string Json, string[] Required, string[] Ranged, string Method)[] Templates =
    [
        ("/api/bodies", """{"id":"14.fuzz","name":"模糊测试局","parentId":"14"}""", ["id", "name", "parentId"], [], "POST"),
        ("/api/bodies/15/plans", """{"year":2030,"title":"模糊","items":[{"id":"1","heading":"标题","text":"内容","deadlines":[{"text":"7月底前","kind":"by","date":"2030-07-31"}],"units":["办公厅"],"weight":1}],"descendantPolicy":{"deadlineWorkingDaysBefore":5}}""",
            ["year", "items", "items.0.id", "items.0.heading", "items.0.text", "items.0.deadlines", "items.0.units", "items.0.deadlines.0.text", "items.0.deadlines.0.kind"],
            ["year", "items.0.weight", "items.0.depth", "descendantPolicy.deadlineWorkingDaysBefore", "items.0.deadlines.0.days"], "POST"),
        ("/api/bodies/141181/plans/2022/localize", """{"changes":[{"itemId":"2.1","deadline":{"text":"6月底前","kind":"by","date":"2022-06-30"},"deadlineIndex":0},{"itemId":"X-9","added":{"id":"X-9","heading":"新增","text":"本级新增","deadlines":[],"units":[]},"afterItemId":"2.1"}],"policy":{"deadlineWorkingDaysBefore":3}}""",
            ["changes", "changes.0.itemId", "changes.1.itemId", "changes.0.deadline.text", "changes.0.deadline.kind", "changes.1.added.deadlines", "changes.1.added.units", "changes.1.added.id"],
            ["changes.0.deadlineIndex", "policy.deadlineWorkingDaysBefore"], "POST"),
        // The workspace's draft (issue 13) takes what localize takes.
        ("/api/bodies/141181/plans/2022/draft", """{"changes":[{"itemId":"2.1","deadline":{"text":"6月底前","kind":"by","date":"2022-06-30"},"deadlineIndex":0},{"itemId":"X-9","added":{"id":"X-9","heading":"新增","text":"本级新增","deadlines":[],"units":[]},"afterItemId":"2.1"}],"policy":{"deadlineWorkingDaysBefore":3}}""",
            ["changes", "changes.0.itemId", "changes.1.itemId", "changes.0.deadline.text", "changes.0.deadline.kind", "changes.1.added.deadlines", "changes.1.added.units", "changes.1.added.id"],
            ["changes.0.deadlineIndex", "policy.deadlineWorkingDaysBefore"], "POST"),
        ("/api/bodies/141181/progress", """{"year":2022,"itemId":"2.1","step":"acknowledged","percent":10,"note":"签收","evidence":["https://example.gov.cn/a"],"requestId":"fuzz-1"}""",
            ["year", "itemId", "step"], ["year", "percent"], "POST"),
        ("/api/align", """{"parent":"2022年工作要点\n一、公开\n（一）公开预算。","child":"2022年工作要点\n一、公开\n（一）公开预算。"}""", ["parent", "child"], [], "POST"),
        ("/api/bodies/141181/annual-report/template", """{"title":"{机构}{年度}年报告","sectionHeading":"落实情况","intro":"共{事项数}项。","rollUp":"下级{下级机构数}个。","doneHeading":"已完成","doneItem":"{事项}：{情况}","openHeading":"推进中","openItem":"{事项}","lateHeading":"逾期","lateItem":"{事项}：{原因}","noReason":"未说明","closing":"完。"}""",
            ["title", "sectionHeading", "intro", "rollUp", "doneHeading", "doneItem", "openHeading", "openItem", "lateHeading", "lateItem", "noReason", "closing"], [], "PUT"),
    ];

    public IEnumerable<HttpRequestMessage> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return (i % 10) switch
            {
                < 5 => MutatedJson(),
                5 => BadRead(),
                6 => WrongContentType(),
                7 => WrongMethod(),
                8 => Garbage(),
                _ => BadImport(),
            };
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private HttpRequestMessage MutatedJson()
    {
        var (path, json, required, ranged, method) = Pick(Templates);
        var root = JsonNode.Parse(json)!.AsObject();
        string body;
        switch (_random.Next(11))
        {
            case 0:
                Remove(root, Pick(required));
                body = root.ToJsonString();
                break;
            case 1:
                Set(root, Pick(required), null);
                body = root.ToJsonString();
                break;
            case 2:
                // None of these is valid for any required field (strings, integers, enums, lists alike).
                Set(root, Pick(required), Pick<JsonNode?>([JsonValue.Create(12345), new JsonObject(), JsonValue.Create(true), JsonValue.Create(1e30)]));
                body = root.ToJsonString();
                break;
            case 3:
                root[Pick(["chnages", "itmes", "yaer", "__proto__", "constructor", "Changes ", new string('k', 5000)])] = JsonValue.Create(1);
                body = root.ToJsonString();
                break;
            case 4 when ranged.Length > 0:
                Set(root, Pick(ranged), JsonValue.Create(Pick([-1, -2147483648, 2147483647, 100000, 1001])));
                body = root.ToJsonString();
                break;
            case 5:
                body = root.ToJsonString().Replace("\"by\"", "\"" + Pick(["soon", "BY1", "0", ""]) + "\"", StringComparison.Ordinal)
                    .Replace("\"acknowledged\"", "\"" + Pick(["done", "closed", "1", ""]) + "\"", StringComparison.Ordinal)
                    .Replace("2022-06-30", Pick(["2022-02-30", "2022/06/30", "yesterday", "2022-13-01", "0000-00-00"]), StringComparison.Ordinal)
                    .Replace("2030-07-31", Pick(["2030-02-31", "31.07.2030", "", "2030-07-31T00:00:00"]), StringComparison.Ordinal)
                    .Replace("\"name\":\"模糊测试局\"", "\"name\":\"   \"", StringComparison.Ordinal)
                    .Replace("\"parent\":\"", "\"parent\":\"   \" ,\"x\":\"", StringComparison.Ordinal);
                if (body == root.ToJsonString())
                {
                    body = body.Insert(1, "\"unknown\":0,");
                }

                break;
            case 6:
                var full = root.ToJsonString();
                body = full[..Math.Max(1, _random.Next(full.Length - 1))];
                break;
            case 7:
                body = new string('[', 200) + new string(']', 200);
                break;
            case 8:
                body = Pick(["null", "[]", "\"\"", "0", "{}", "{\"a\":1,\"a\":2}", "", " "]);
                break;
            case 9:
                var list = root["changes"] as JsonArray ?? root["items"] as JsonArray ?? root["evidence"] as JsonArray;
                if (list is not null)
                {
                    list.Add(null);
                    body = root.ToJsonString();
                }
                else
                {
                    body = root.ToJsonString().Insert(1, "\"misspelt\":null,");
                }

                break;
            default:
                body = root.ToJsonString().TrimEnd('}') + ",\"padding\":\"" + new string('政', 300_000) + "\"}"; // 900 KB: under the 1 MiB cap, refused by the schema
                break;
        }

        return Send(method, path, body, "application/json");
    }

    private HttpRequestMessage BadRead()
    {
        var id = Pick(BadIds);
        var path = Pick([
            $"/api/bodies/{id}", $"/api/bodies/{id}/plans/2022", $"/api/bodies/{id}/plans/2022/diff", $"/api/bodies/{id}/summary",
            $"/api/bodies/{id}/summary/explain", $"/api/bodies/{id}/progress", $"/api/bodies/{id}/children/summaries",
            "/api/bodies/14/plans/0", "/api/bodies/14/plans/99999", "/api/bodies/14/plans/-2022/diff", "/api/bodies/14/summary/explain",
            "/api/bodies/14/children/summaries", "/api/samples/documents/" + id, "/api/bodies/14?skip=-5", "/api/bodies/14?take=100000",
            "/api/bodies/14/summary/explain?year=2022&figure=", "/api/bodies/14/summary/explain?year=2022&figure=" + new string('x', 500),
            // The supervisor's desk (issue 14).
            $"/api/bodies/{id}/subtree", $"/api/bodies/{id}/ledger", $"/api/bodies/{id}/annual-report", $"/api/bodies/{id}/annual-report/template",
            $"/api/bodies/{id}/plans/2022/compare", "/api/bodies/14/subtree?year=2022&step=签了", "/api/bodies/14/subtree?year=2022&asOf=2022-02-30",
            "/api/bodies/14/subtree?year=2022&take=100000&sort=colour", "/api/bodies/14/ledger?year=2022&format=pdf", "/api/bodies/14/ledger?year=2022&format=csv&asOf=2999-01-01",
            "/api/bodies/14/annual-report?year=2022&format=exe", "/api/bodies/14/plans/2022/compare?with=2022", "/api/bodies/14/plans/2022/compare?with=abc",
            "/api/bodies/14/summary/explain?year=2022&figure=score&asOf=yesterday", "/api/bodies?query=" + new string('孝', 400), "/api/bodies?query=%00&take=1000",
            "/api/bodies?query=xy&within=" + id, "/api/bodies",
            $"/api/bodies/{id}/look-back?from=2022-06-30", "/api/bodies/14/look-back?from=" + new string('2', 300), "/api/bodies/14/look-back?from=2022-06-30&to=2021-01-01",
            "/api/bodies/14/look-back?from=2022-06-30&fromYear=-1", "/api/bodies/14/look-back?from=2022-06-30&toYear=abc", "/api/bodies/14/look-back?from=0001-01-01",
            // The workspace (issue 13).
            $"/api/bodies/{id}/inbox", $"/api/bodies/{id}/plans/2022/draft", "/api/evidence/" + id, "/api/evidence/ev" + new string('0', 300),
            "/api/bodies/141181/plans/1999/draft", "/api/bodies/141181/inbox?year=abc",
        ]);
        return new HttpRequestMessage(HttpMethod.Get, path + (path.Contains('?', StringComparison.Ordinal) ? "" : Pick(BadQueries)));
    }

    private HttpRequestMessage WrongContentType()
    {
        var (path, json, _, _, method) = Pick(Templates);
        return Send(method, path, json, Pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "text/html", "application/jsonp"]));
    }

    private HttpRequestMessage WrongMethod()
    {
        var (path, json, _, _, method) = Pick(Templates);
        // A method the path does not answer (the template's DELETE is a real write: never picked for it).
        var wrong = new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Post }
            .Where(m => m.Method != method && !(m == HttpMethod.Delete && path.EndsWith("/template", StringComparison.Ordinal))).ToList();
        var request = new HttpRequestMessage(Pick(wrong), path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return request;
    }

    private HttpRequestMessage Garbage()
    {
        var (path, _, _, _, method) = Pick(Templates);
        var bytes = new byte[_random.Next(1, 4096)];
        _random.NextBytes(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
    }

    private HttpRequestMessage BadImport()
    {
        var id = _random.Next(3) == 0 ? Pick(BadIds) : "141181";
        var year = Pick(["2022", "1999", "2150"]);
        var body = Pick(["", "   ", "没有编号的文字", "\u0000\u0001\u0002", "{\"json\":true}"]);
        return Post($"/api/bodies/{id}/plans/{year}/import", body, Pick(["text/plain", "application/json"]));
    }

    private static HttpRequestMessage Post(string path, string body, string contentType) => Send("POST", path, body, contentType);

    private static HttpRequestMessage Send(string method, string path, string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
    }

    private static void Remove(JsonObject root, string path)
    {
        var (parent, key) = Navigate(root, path);
        if (parent is JsonObject o)
        {
            o.Remove(key);
        }
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, key) = Navigate(root, path);
        switch (parent)
        {
            case JsonObject o:
                o[key] = value;
                break;
            case JsonArray a when int.TryParse(key, out var i) && i < a.Count:
                a[i] = value;
                break;
        }
    }

    private static (JsonNode? Parent, string Key) Navigate(JsonObject root, string path)
    {
        var parts = path.Split('.');
        JsonNode? node = root;
        foreach (var part in parts[..^1])
        {
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return (node, parts[^1]);
    }
}
