using System.Net;
using System.Net.Http.Json;

namespace GovOpenness.Server.Tests;

/// <summary>
/// With an OTLP endpoint configured (OTEL_EXPORTER_OTLP_ENDPOINT, http/protobuf), a progress step's
/// trace reaches the collector in one piece: the HTTP request's server span, the grain call under it,
/// and the journal append under that, from the service "govopenness-server".
/// </summary>
public sealed class OtlpTracingTests
{
    private const int ServerKind = 2; // SPAN_KIND_SERVER

    [Fact]
    public async Task A_progress_steps_trace_from_http_through_the_grain_to_the_journal_is_exported_over_otlp()
    {
        await using var collector = await OtlpTraceReceiver.StartAsync();
        var server = LiveServer.WithSettings(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",

            // ActivitySources are process-wide: this server's exporter also sees the spans of every other test
            // server in the process. A queue that holds them all keeps ours from being dropped.
            ["OTEL_BSP_MAX_QUEUE_SIZE"] = "262144",
            ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "4096",
        });
        await server.InitializeAsync();
        try
        {
            // The seeded 孝义市 has the 2022 plan; its item 1.1 takes a step, in a trace of our own (W3C traceparent).
            var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString().ToUpperInvariant();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bodies/141181/progress")
            {
                Content = JsonContent.Create(new { year = 2022, itemId = "1.1", step = "acknowledged", requestId = Guid.NewGuid().ToString("N") }),
            };
            request.Headers.Add("traceparent", $"00-{traceId.ToLowerInvariant()}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
            var step = await server.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, step.StatusCode);

            var spans = await collector.WaitForAsync(
                seen => StepTrace(seen, traceId) is not null,
                $"进度步骤（trace {traceId}）的 HTTP → grain → journal 链路",
                TimeSpan.FromSeconds(120));

            var chain = StepTrace(spans, traceId)!;
            Assert.True(chain.Count >= 3, "HTTP 与 journal 之间应有 grain 调用：" + string.Join(" ← ", chain.Select(s => s.Name)));
            Assert.Contains(chain[1..^1], s => s.Name.Contains("RecordProgress", StringComparison.Ordinal));
            Assert.True(chain[0].Export.AsSpan().IndexOf("govopenness-server"u8) >= 0, "导出的资源应带服务名 govopenness-server");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>The chain journal append → … → the POST …/progress server span, all of the given trace; null until all arrived.</summary>
    private static List<ExportedSpan>? StepTrace(IReadOnlyList<ExportedSpan> seen, string traceId)
    {
        var ours = seen.Where(s => s.TraceId == traceId).ToList();
        var byId = ours.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        foreach (var journal in ours.Where(s => s.Name == "journal append"))
        {
            var chain = new List<ExportedSpan> { journal };
            var current = journal;
            while (current.ParentSpanId.Length > 0 && byId.TryGetValue(current.ParentSpanId, out var parent))
            {
                chain.Add(parent);
                current = parent;
            }

            if (current.Kind == ServerKind && current.Name.StartsWith("POST", StringComparison.Ordinal) && current.Name.Contains("progress", StringComparison.Ordinal))
            {
                return chain;
            }
        }

        return null;
    }
}
