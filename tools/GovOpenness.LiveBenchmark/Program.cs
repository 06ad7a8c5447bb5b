using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using GovOpenness.Domain.Hierarchy;
using GovOpenness.LiveBenchmark;
using GovOpenness.Tools;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

// SignalR delivery latency of pushed summaries to many connected viewers (see README.md):
//   phase 1: the GovOpenness server in-process on a Kestrel port, viewers subscribed over /hubs/cascade,
//            durable progress steps driven at a steady rate; latency = client receipt - grain push time;
//   phase 2: the baseline, a plain SignalR hub broadcasting a batch of the same size to as many clients
//            at the same per-viewer message rate; latency = client receipt - broadcast time.
var viewerCount = Option("--viewers", 1000);
var seconds = Option("--seconds", 20);
var rate = Option("--rate", 100);
var lateViewers = Option("--late", 300);
const string Province = "44";
const int Year = 2030;
const int Items = 30;

var catalog = DivisionCatalog.China;
var prefectures = catalog.ChildrenOf(Province).Where(id => catalog.Find(id)?.Level == BodyLevel.Prefecture).ToList();
var counties = prefectures.SelectMany(catalog.ChildrenOf).Where(id => catalog.Find(id)?.Level == BodyLevel.County).ToList();
var watched = new List<string> { Province };
watched.AddRange(prefectures);
watched.AddRange(counties);

Console.WriteLine($"machine load   {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute load average, {Environment.ProcessorCount} cores)");
Console.WriteLine($"bodies         {Province} 广东省, {prefectures.Count} prefectures, {counties.Count} counties driven; {viewerCount:N0} viewers over {watched.Count} bodies (≈{viewerCount / (double)watched.Count:F1} per body)");

// ---- Phase 1: GovOpenness (Orleans push → notifier → host observer → SignalR groups)
var orleans = new LatencyRecorder();
Percentiles orleansFromPush, orleansFromSend, subscribeToState;
ResourceUse orleansUse, baselineUse;
double perViewerRate;
IReadOnlyList<PushedSummary> sample;
long peakAfterOrleans;
await using (var server = new BenchServer("livebench"))
{
    using var http = new HttpClient { BaseAddress = server.BaseAddress };
    http.DefaultRequestHeaders.Authorization = new("Bearer", await server.AccountTokenAsync("livebench-editor", Province, "editor"));
    var viewerToken = await server.AdminTokenAsync();
    var published = await http.PostAsync($"/api/bodies/{Province}/plans", new StringContent(PlanJson(Year, Items), Encoding.UTF8, "application/json"));
    published.EnsureSuccessStatusCode();

    await using var viewers = new Viewers(orleans);
    var subscribed = 0;
    var watch = Stopwatch.StartNew();
    await viewers.ConnectAsync(new Uri(server.BaseAddress, "hubs/cascade"), viewerCount, async (connection, index) =>
    {
        await connection.InvokeAsync("Subscribe", watched[index % watched.Count], Year);
        Interlocked.Increment(ref subscribed);
    }, viewerToken);
    Console.WriteLine($"connected      {viewers.Connections.Count:N0} viewers, {subscribed:N0} subscribed in {watch.Elapsed.TotalSeconds:F1} s");

    var driver = new ProgressDriver(server.Grains, counties, Year, Items);
    await driver.RunAsync(rate, TimeSpan.FromSeconds(3)); // warm-up: JIT, activations, first pushes

    orleans.Start();
    var appliedBefore = driver.Applied;
    var batchesBefore = Interlocked.Read(ref viewers.Batches);
    watch.Restart();
    var useBefore = ResourceUse.Now();
    await driver.RunAsync(rate, TimeSpan.FromSeconds(seconds));
    var driven = watch.Elapsed;
    await Task.Delay(TimeSpan.FromSeconds(3)); // the last roll-ups (1 s flush per level) reach the viewers
    orleans.Stop();
    orleansUse = ResourceUse.Now().Since(useBefore);
    var batches = Interlocked.Read(ref viewers.Batches) - batchesBefore;

    orleansFromPush = orleans.FromPush();
    orleansFromSend = orleans.FromSend();
    perViewerRate = batches / (double)viewerCount / (driven.TotalSeconds + 3);
    sample = viewers.LastBatch ?? throw new InvalidOperationException("no summary was pushed");
    // A viewer that opens a body must see its current state at once (target: within 200 ms of subscribing):
    // more viewers connect while the others stay, and each times Subscribe → the body's first summary.
    await using var late = new Viewers(new LatencyRecorder());
    var opened = new List<double>();
    await late.ConnectAsync(new Uri(server.BaseAddress, "hubs/cascade"), lateViewers, async (connection, index) =>
    {
        var body = watched[index % watched.Count];
        var shown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = connection.On<List<PushedSummary>>("Summaries", batch =>
        {
            if (batch.Any(s => s.BodyId == body))
            {
                shown.TrySetResult();
            }
        });
        var start = Stopwatch.GetTimestamp();
        await connection.InvokeAsync("Subscribe", body, Year);
        await shown.Task.WaitAsync(TimeSpan.FromSeconds(30));
        lock (opened)
        {
            opened.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }, viewerToken);
    subscribeToState = Percentiles.Of(opened);
    peakAfterOrleans = Process.GetCurrentProcess().PeakWorkingSet64;
    var applied = driver.Applied - appliedBefore;
    Console.WriteLine($"driven         {applied:N0} durable steps applied ({applied / driven.TotalSeconds:F0}/s of {rate}/s asked, {driver.Rejected} rejected) over {driven.TotalSeconds:F1} s");
    Console.WriteLine($"received       {batches:N0} batches, {orleansFromPush.Count:N0} summaries ({perViewerRate:F2} batches per viewer per second)");
}

// ---- Phase 2: baseline (plain SignalR broadcast, same clients count, same batch size, same per-viewer rate)
var baseline = new LatencyRecorder();
Percentiles baselineFromSend;
int payloadBytes = Encoding.UTF8.GetByteCount(System.Text.Json.JsonSerializer.Serialize(sample));
await using (var plain = await PlainHubServer<BaselineHub>.StartAsync(BenchServer.FreePort(), "/hubs/baseline"))
{
    await using var viewers = new Viewers(baseline);
    await viewers.ConnectAsync(plain.Hub, viewerCount, (_, _) => Task.CompletedTask);
    var period = TimeSpan.FromSeconds(1 / Math.Max(perViewerRate, 0.5));
    await BroadcastAsync(plain.Context, sample, period, TimeSpan.FromSeconds(3));
    baseline.Start();
    var useBefore = ResourceUse.Now();
    await BroadcastAsync(plain.Context, sample, period, TimeSpan.FromSeconds(seconds));
    await Task.Delay(TimeSpan.FromSeconds(1));
    baseline.Stop();
    baselineUse = ResourceUse.Now().Since(useBefore);
    baselineFromSend = baseline.FromSend();
}

var peak = Process.GetCurrentProcess().PeakWorkingSet64;
Console.WriteLine($"batch size     {sample.Count} summaries, {payloadBytes:N0} bytes as JSON");
Console.WriteLine();
Console.WriteLine($"GovOpenness, grain push → viewer      {orleansFromPush}");
Console.WriteLine($"GovOpenness, host send → viewer       {orleansFromSend}");
Console.WriteLine($"baseline, plain broadcast → viewer    {baselineFromSend}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio p99 (grain push ÷ baseline)     {orleansFromPush.P99 / baselineFromSend.P99:F2}×   target p99 ≤ 100 ms: {(orleansFromPush.P99 <= 100 ? "met" : "MISSED")}"));
Console.WriteLine($"GovOpenness, process cost                {orleansUse.PerDelivery(orleansFromPush.Count)}");
Console.WriteLine($"baseline, process cost                   {baselineUse.PerDelivery(baselineFromSend.Count)}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"subscribe → current state (late viewers) p50 {subscribeToState.P50:F1} ms   p99 {subscribeToState.P99:F1} ms   max {subscribeToState.Max:F1} ms   ({subscribeToState.Count:N0} viewers)   target p99 ≤ 200 ms: {(subscribeToState.P99 <= 200 ? "met" : "MISSED")}"));
Console.WriteLine($"peak memory    {peakAfterOrleans / 1048576:N0} MB after phase 1, {peak / 1048576:N0} MB at the end (one process: server, silo and {viewerCount:N0} clients)");

static async Task BroadcastAsync(IHubContext<BaselineHub> hub, IReadOnlyList<PushedSummary> sample, TimeSpan period, TimeSpan duration)
{
    using var timer = new PeriodicTimer(period);
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed < duration && await timer.WaitForNextTickAsync())
    {
        var now = LatencyRecorder.NowUnixMilliseconds();
        await hub.Clients.All.SendAsync("Summaries", sample.Select(s => s with { PushedAt = now, SentAt = now }).ToList());
    }
}

static string PlanJson(int year, int items)
{
    var list = Enumerable.Range(1, items).Select(i =>
        $$"""{"id":"{{i}}","heading":"事项{{i}}","text":"基准测试事项{{i}}","deadlines":[{"text":"11月底前","kind":"by","date":"{{year}}-11-30"}],"units":["办公厅"]}""");
    return $$"""{"year":{{year}},"title":"实时推送基准","items":[{{string.Join(",", list)}}]}""";
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>The baseline hub: the benchmark broadcasts through its context to every client.</summary>
public sealed class BaselineHub : Hub;
