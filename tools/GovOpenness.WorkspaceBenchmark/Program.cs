using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovOpenness.Domain.Progress;
using GovOpenness.Tools;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

// How long the workspace takes to show what happened elsewhere (see README.md), over --runs runs each:
//   1. publish at 山西省 (14) → the township's inbox lists the plan to adopt: the server's signal that the
//      version reached the whole province (IBodyDiagnosticsGrain.WaitForDelivery, an upper bound for
//      the one township), then one GET …/inbox that lists the plan;
//   2. a township's 反馈 → its parent's review queue: the child's summary push to the parent's group,
//      then one GET …/inbox that lists the report;
//   3. a county reviewer's 催办 → the township's open inbox: the hub's "inbox" notice to the township's own
//      viewer (signed in as its reporter), then one GET …/inbox that lists the urge;
//   baseline: a plain SignalR round trip (invoke → answer) on a bare hub in the same process.
var runs = Option("--runs", 10);
const string Province = "14";
const string County = "141181";
const int FirstYear = 2060;

Console.WriteLine($"machine load   {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute load average, {Environment.ProcessorCount} cores)");
var publishToInbox = new List<double>();
var reportToQueue = new List<double>();
var urgeToInbox = new List<double>();
await using (var server = new BenchServer("workspacebench"))
{
    var editor = await server.AccountTokenAsync("bench-editor", Province, "editor");
    var admin = await server.AdminTokenAsync();
    using var http = Client(server.BaseAddress, admin);
    var township = (await http.GetFromJsonAsync<JsonElement>($"/api/bodies/{County}?take=1")).GetProperty("children")[0].GetProperty("id").GetString()!;
    var reporter = await server.AccountTokenAsync("bench-reporter", township, "reporter");
    using var asEditor = Client(server.BaseAddress, editor);
    using var asReporter = Client(server.BaseAddress, reporter);
    await using var hub = await ConnectAsync(new Uri(server.BaseAddress, "hubs/cascade"), admin);
    Console.WriteLine($"bodies         publish at {Province} 山西省 (its whole subtree, down to townships); township {township} under {County}; {runs} runs each");

    // 1. publish → township inbox, one year per run (a new plan each time, the whole province receives it).
    for (var run = 0; run <= runs; run++)
    {
        var year = FirstYear + run;
        var watch = Stopwatch.StartNew();
        (await asEditor.PostAsync($"/api/bodies/{Province}/plans", Json(PlanJson(year, runs + 1)))).EnsureSuccessStatusCode();
        // The server's own signal that the version reached the whole province (the township included), no polling.
        await server.Grains.GetGrain<GovOpenness.Abstractions.IBodyDiagnosticsGrain>(Province).WaitForDeliveryAsync(year).WaitAsync(TimeSpan.FromSeconds(300));
        var inbox = await http.GetFromJsonAsync<JsonElement>($"/api/bodies/{township}/inbox?year={year}");
        var shown = watch.Elapsed.TotalMilliseconds;
        if (inbox.GetProperty("plans").GetArrayLength() != 1)
        {
            throw new InvalidOperationException($"{township} 的待办未列出{year}年的上级要点");
        }

        if (run > 0)
        {
            publishToInbox.Add(shown); // run 0 warms up (JIT, activations)
        }
    }

    // 2. township 反馈 → parent's review queue, one item per run of the first year's plan.
    await hub.InvokeAsync("Subscribe", County, FirstYear);
    for (var run = 0; run <= runs; run++)
    {
        var item = (run + 1).ToString(CultureInfo.InvariantCulture);
        (await asReporter.PostAsync($"/api/bodies/{township}/progress", Json($$"""{"year":{{FirstYear}},"itemId":"{{item}}","step":"acknowledged"}"""))).EnsureSuccessStatusCode();
        var reported = Signal(hub, township, FirstYear, compact => compact.GetProperty("counts")[(int)SummaryFigure.ItemsReported].GetInt64() >= run + 1);
        var watch = Stopwatch.StartNew();
        (await asReporter.PostAsync($"/api/bodies/{township}/progress", Json($$"""{"year":{{FirstYear}},"itemId":"{{item}}","step":"reported","evidence":["https://example.gov.cn/{{item}}"]}"""))).EnsureSuccessStatusCode();
        await reported.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var inbox = await http.GetFromJsonAsync<JsonElement>($"/api/bodies/{County}/inbox?year={FirstYear}");
        var shown = watch.Elapsed.TotalMilliseconds;
        if (!inbox.GetProperty("reviews").EnumerateArray().Any(r => r.GetProperty("bodyId").GetString() == township && r.GetProperty("itemId").GetString() == item))
        {
            throw new InvalidOperationException($"{County} 的复核队列未列出 {township} 事项{item}");
        }

        if (run > 0)
        {
            reportToQueue.Add(shown);
        }
    }

    // 3. county 催办 → the township's own viewer: its inbox notice, then the inbox that lists the urge.
    var reviewer = await server.AccountTokenAsync("bench-reviewer", County, "reviewer");
    using var asReviewer = Client(server.BaseAddress, reviewer);
    await using var townshipHub = await ConnectAsync(new Uri(server.BaseAddress, "hubs/cascade"), reporter);
    await townshipHub.InvokeAsync("Subscribe", township, FirstYear);
    for (var run = 0; run <= runs; run++)
    {
        var message = $"请加快反馈（第{run}次）";
        var noticed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = townshipHub.On<JsonElement>("Inbox", notice =>
        {
            if (notice.GetProperty("bodyId").GetString() == township)
            {
                noticed.TrySetResult();
            }
        });
        var watch = Stopwatch.StartNew();
        (await asReviewer.PostAsync($"/api/bodies/{County}/urge", Json(JsonSerializer.Serialize(new { bodyIds = new[] { township }, message })))).EnsureSuccessStatusCode();
        await noticed.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var inbox = await asReporter.GetFromJsonAsync<JsonElement>($"/api/bodies/{township}/inbox?year={FirstYear}");
        var shown = watch.Elapsed.TotalMilliseconds;
        if (inbox.GetProperty("urges")[0].GetProperty("message").GetString() != message)
        {
            throw new InvalidOperationException($"{township} 的待办未列出催办“{message}”");
        }

        if (run > 0)
        {
            urgeToInbox.Add(shown);
        }
    }
}

// Baseline: a plain SignalR round trip (client invoke → hub method → answer), as many samples × 10.
var roundTrips = new List<double>();
await using (var plain = await PlainHubServer<EchoHub>.StartAsync(BenchServer.FreePort(), "/hubs/echo"))
{
    await using var client = new HubConnectionBuilder().WithUrl(plain.Hub).Build();
    await client.StartAsync();
    for (var i = 0; i < runs * 10 + 10; i++)
    {
        var watch = Stopwatch.StartNew();
        await client.InvokeAsync<string>("Echo", "催办");
        if (i >= 10)
        {
            roundTrips.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
}

var baseline = Percentiles.Of(roundTrips);
var toInbox = Percentiles.Of(publishToInbox);
var toQueue = Percentiles.Of(reportToQueue);
var urged = Percentiles.Of(urgeToInbox);
Console.WriteLine();
Console.WriteLine($"publish at 山西省 → township inbox      {toInbox}");
Console.WriteLine($"township 反馈 → parent's review queue   {toQueue}");
Console.WriteLine($"county 催办 → township's open inbox       {urged}");
Console.WriteLine($"baseline, plain SignalR round trip      {baseline}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio p99 to the baseline's p99         publish {toInbox.P99 / baseline.P99:F0}×, 反馈 {toQueue.P99 / baseline.P99:F0}×, 催办 {urged.P99 / baseline.P99:F0}×"));
Console.WriteLine($"peak memory    {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MB (one process: server, silo and clients)");

static HttpClient Client(Uri baseAddress, string token)
{
    var client = new HttpClient { BaseAddress = baseAddress };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return client;
}

static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

static async Task<HubConnection> ConnectAsync(Uri hub, string token)
{
    var connection = new HubConnectionBuilder().WithUrl(hub, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
    await connection.StartAsync();
    return connection;
}

// Completes when a pushed summary of the body and year satisfies the condition on its compact view (the hub's "summaries" batches).
static TaskCompletionSource Signal(HubConnection hub, string bodyId, int year, Func<JsonElement, bool> condition)
{
    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    IDisposable? handler = null;
    handler = hub.On<JsonElement>("Summaries", batch =>
    {
        foreach (var summary in batch.EnumerateArray())
        {
            if (summary.GetProperty("bodyId").GetString() == bodyId && summary.GetProperty("year").GetInt32() == year && condition(summary.GetProperty("compact")))
            {
                done.TrySetResult();
                handler?.Dispose();
                return;
            }
        }
    });
    return done;
}

static string PlanJson(int year, int items)
{
    var list = Enumerable.Range(1, items).Select(i =>
        $$"""{"id":"{{i}}","heading":"事项{{i}}","text":"基准测试事项{{i}}","deadlines":[{"text":"11月底前","kind":"by","date":"{{year}}-11-30"}],"units":["办公厅"]}""");
    return $$"""{"year":{{year}},"title":"工作台基准","items":[{{string.Join(",", list)}}]}""";
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>The baseline hub: answers what it is sent.</summary>
public sealed class EchoHub : Hub
{
    public string Echo(string text) => text;
}

public sealed record Percentiles(int Count, double P50, double P99, double Max)
{
    public static Percentiles Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new(0, double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return new(sorted.Count, At(0.50), At(0.99), sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"p50 {P50,8:F1} ms   p99 {P99,8:F1} ms   max {Max,8:F1} ms   ({Count} runs)");
}
