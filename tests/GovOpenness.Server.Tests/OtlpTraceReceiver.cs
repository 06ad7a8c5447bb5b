using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GovOpenness.Server.Tests;

/// <summary>One span as exported over OTLP: its ids (hex), name and the raw export it came in.</summary>
public sealed record ExportedSpan(string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, byte[] Export);

/// <summary>
/// A tiny OTLP/HTTP collector on a real Kestrel loopback port: accepts <c>POST /v1/traces</c> with a
/// protobuf <c>ExportTraceServiceRequest</c> and decodes the few span fields the tests look at (the
/// protobuf wire format read by hand: no generated classes needed for five fields).
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ExportedSpan> _spans = Channel.CreateUnbounded<ExportedSpan>();
    private readonly List<ExportedSpan> _seen = [];

    private OtlpTraceReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpTraceReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var receiver = new OtlpTraceReceiver(builder.Build());
        receiver._app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var export = body.ToArray();
            foreach (var span in Decode(export))
            {
                receiver._spans.Writer.TryWrite(span);
            }

            // An empty ExportTraceServiceResponse: everything accepted.
            return Results.Bytes([], "application/x-protobuf");
        });
        await receiver._app.StartAsync();
        var address = receiver._app.Urls.Single();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    /// <summary>Waits (with a deadline) until the spans received so far satisfy <paramref name="done"/>; answers them.</summary>
    public async Task<IReadOnlyList<ExportedSpan>> WaitForAsync(Func<IReadOnlyList<ExportedSpan>, bool> done, string what, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            // Checked once per arrival of a batch, not per span: other in-process servers' spans come too.
            while (!done(_seen))
            {
                _seen.Add(await _spans.Reader.ReadAsync(timeout.Token));
                while (_spans.Reader.TryRead(out var more))
                {
                    _seen.Add(more);
                }
            }

            return _seen;
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"OTLP 接收端在期限内未收到：{what}；共收到 {_seen.Count} 个 span，例如：{string.Join(", ", _seen.Select(s => s.Name).Distinct().Take(30))}");
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    // TracesData: resource_spans = 1; ResourceSpans: scope_spans = 2; ScopeSpans: spans = 2;
    // Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6.
    private static IEnumerable<ExportedSpan> Decode(byte[] export)
    {
        foreach (var resourceSpans in Fields(export).Where(f => f.Number == 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
            {
                foreach (var span in Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
                {
                    var fields = Fields(span.Bytes);
                    string Hex(int n) => Convert.ToHexString(fields.FirstOrDefault(f => f.Number == n).Bytes.Span);
                    yield return new ExportedSpan(
                        Hex(1), Hex(2), Hex(4),
                        System.Text.Encoding.UTF8.GetString(fields.FirstOrDefault(f => f.Number == 5).Bytes.Span),
                        (int)fields.FirstOrDefault(f => f.Number == 6).Varint,
                        export);
                }
            }
        }
    }

    private readonly record struct Field(int Number, ulong Varint, ReadOnlyMemory<byte> Bytes);

    private static List<Field> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<Field>();
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message.Span, ref position);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    fields.Add(new Field(number, ReadVarint(message.Span, ref position), default));
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref position);
                    fields.Add(new Field(number, 0, message.Slice(position, length)));
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"不支持的 protobuf 字段类型 {tag & 7}");
            }
        }

        return fields;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
