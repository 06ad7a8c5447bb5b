using System.Net;
using System.Net.Http.Headers;
using GovOpenness.Server.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace GovOpenness.Server.Tests;

/// <summary>
/// Every endpoint × {anonymous, own body, parent, sibling, child, another province} × each role, generated
/// from the one table below: the target is 吕梁市 (1411); the accounts belong to 1411 (own), 山西省 14
/// (parent), 太原市 1401 (sibling), 孝义市 141181 (child) and 河北省 13 (another province). "Allowed"
/// means authorization let the request through (any answer but 401/403: the endpoint may still refuse
/// the content — the bodies below are chosen so that no allowed write changes the sample data much).
/// </summary>
[Collection(SeededServerCollection.Name)]
public sealed class AuthorizationMatrixTests(SeededServer server)
{
    private const string Target = "1411";

    private static readonly Dictionary<string, string> Accounts = new()
    {
        ["own"] = "1411",
        ["parent"] = "14",
        ["sibling"] = "1401",
        ["child"] = "141181",
        ["province"] = "13",
    };

    private static readonly string[] Roles = ["editor", "reporter", "reviewer", "admin"];

    /// <summary>(method, path, JSON body, who may: "relation:role" with * for any).</summary>
    private static readonly (string Method, string Path, string? Body, string[] Allowed)[] Table =
    [
        ("GET", "/api/bodies/1411", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies/1411/plans/2022", null, ["own:*", "parent:*", "child:*"]),
        ("GET", "/api/bodies/1411/plans/2022?asOf=2030-01-01", null, ["own:*", "parent:*", "child:*"]),
        ("GET", "/api/bodies/1411/plans/2022/diff", null, ["own:*", "parent:*"]),
        ("POST", "/api/bodies/1411/plans", "{\"year\":", ["own:editor"]),
        ("POST", "/api/bodies/1411/plans/2022/localize", "{\"changes\":", ["own:editor"]),
        ("POST", "/api/bodies/1411/plans/2022/import", "{}", ["own:editor"]),
        ("POST", "/api/bodies/1411/plans/2022/division", "{}", ["own:editor"]),
        ("POST", "/api/bodies/1411/progress", "{\"year\":2022,\"itemId\":\"no-such-item\",\"step\":\"acknowledged\"}", ["own:reporter"]),
        ("POST", "/api/bodies/1411/progress", "{\"year\":2022,\"itemId\":\"no-such-item\",\"step\":\"inProgress\",\"percent\":10}", ["own:reporter"]),
        ("POST", "/api/bodies/1411/progress", "{\"year\":2022,\"itemId\":\"no-such-item\",\"step\":\"accepted\"}", ["parent:reviewer"]),
        ("POST", "/api/bodies/1411/progress", "{\"year\":2022,\"itemId\":\"no-such-item\",\"step\":\"returned\",\"note\":\"不全\"}", ["parent:reviewer"]),
        ("GET", "/api/bodies/1411/summary?year=2022", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies/1411/summary/explain?year=2022&figure=itemsOverdue", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies/1411/progress?year=2022", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies/1411/children/summaries?year=2022&take=2", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies/1411/history", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies/1411/accounts", null, ["own:admin", "parent:admin"]),
        ("POST", "/api/accounts", "{\"account\":\"x\",\"password\":\"short\",\"bodyId\":\"1411\",\"roles\":[\"editor\"]}", ["own:admin", "parent:admin"]),
        ("POST", "/api/bodies", "{\"id\":\"1411.matrix\",\"name\":\"\",\"parentId\":\"1411\"}", ["own:admin", "parent:admin"]),
        ("GET", "/api/bodies/1411/plans/2022/draft", null, ["own:editor"]),
        ("POST", "/api/bodies/1411/plans/2022/draft", "{\"changes\":", ["own:editor"]),
        ("POST", "/api/bodies/1411/plans/2099/publish", "{}", ["own:editor"]),
        ("POST", "/api/bodies/1411/evidence", "file", ["own:reporter"]),
        ("POST", "/api/bodies/1411/urge", "{\"bodyIds\":[\"141181\"],\"message\":", ["own:reviewer"]),
        ("GET", "/api/bodies/1411/inbox?year=2022", null, ["own:*", "parent:*"]),
        // The supervisor's desk (issue 14): reads as the body's summaries, the report's wording as its plan.
        ("GET", "/api/bodies/1411/subtree?year=2022&take=2", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies/1411/ledger?year=2022&format=csv&item=no-such-item", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies/1411/summary/explain?year=2022&figure=score", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies/1411/annual-report?year=2022&format=html", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies/1411/annual-report/template", null, ["own:*", "parent:*"]),
        ("PUT", "/api/bodies/1411/annual-report/template", "{}", ["own:editor"]),
        ("DELETE", "/api/bodies/1411/annual-report/template", null, ["own:editor"]),
        ("GET", "/api/bodies/1411/plans/2022/compare?with=2021", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies/1411/look-back?from=2021-12-31&to=2022-12-31", null, ["own:*", "parent:*"]),
        ("GET", "/api/bodies?query=%E5%90%95%E6%A2%81", null, ["*:*"]),
        ("GET", "/api/accounts/me", null, ["*:*"]),
        ("POST", "/api/align", "{}", ["*:*"]),
        ("GET", "/api/samples/documents/", null, ["*:*"]),
        ("GET", "/api/replay", null, ["*:*"]),
    ];

    [Fact]
    public async Task Every_endpoint_answers_each_relation_and_role_as_the_table_says()
    {
        var tokens = server.Factory.Services.GetRequiredService<AccessTokens>();
        using var client = server.Factory.CreateAnonymousClient();
        var wrong = new List<string>();
        var cases = 0;
        foreach (var (method, path, body, allowed) in Table)
        {
            cases++;
            var anonymous = await SendAsync(client, method, path, body, token: null);
            if (anonymous != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{method} {path} 匿名：{(int)anonymous}，应为401");
            }

            foreach (var (relation, bodyId) in Accounts)
            {
                foreach (var role in Roles)
                {
                    cases++;
                    var token = tokens.Issue(AccountClaims.Principal($"matrix-{relation}-{role}", bodyId, [role], "test"));
                    var status = await SendAsync(client, method, path, body, token);
                    var expected = allowed.Any(a => a == "*:*" || a == $"{relation}:*" || a == $"{relation}:{role}");
                    var refused = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                    if (expected == refused)
                    {
                        wrong.Add($"{method} {path} {relation}({bodyId}) {role}：{(int)status}，应{(expected ? "放行" : "为403")}");
                    }
                    else if (!expected && status != HttpStatusCode.Forbidden)
                    {
                        wrong.Add($"{method} {path} {relation}({bodyId}) {role}：{(int)status}，已登录应为403");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count}/{cases} 个组合不符：\n" + string.Join("\n", wrong));
        Assert.Equal(Table.Length * 21, cases);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path, string? body, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            // Documents go as text/plain (routing answers any other type 415 before authorization); "{}" is
            // no document, so an allowed account gets the endpoint's own 400.
            request.Content = path.EndsWith("/evidence", StringComparison.Ordinal)
                ? new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 matrix"u8.ToArray()), "file", "matrix.pdf" } }
                : path.EndsWith("/import", StringComparison.Ordinal) || path.EndsWith("/division", StringComparison.Ordinal)
                ? new StringContent(body, System.Text.Encoding.UTF8, "text/plain")
                : Json.Body(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
