using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace GovOpenness.Server.Tests;

/// <summary>
/// A viewer that subscribes and then never reads again: a raw WebSocket speaking SignalR's JSON protocol
/// over a socket with a small receive buffer, so the server's writes to it back up within kilobytes.
/// </summary>
public sealed class StalledViewer : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker _invoker;
    private int _invocations;

    private StalledViewer(ClientWebSocket socket, HttpMessageInvoker invoker)
    {
        _socket = socket;
        _invoker = invoker;
    }

    public static async Task<StalledViewer> ConnectAsync(Uri baseAddress, int receiveBufferSize, string accessToken)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellation) =>
            {
                // Set before connecting, so the TCP window the server sees is small from the start.
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = receiveBufferSize };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var invoker = new HttpMessageInvoker(handler);
        var socket = new ClientWebSocket();
        var viewer = new StalledViewer(socket, invoker);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var uri = new UriBuilder(new Uri(baseAddress, "hubs/cascade")) { Scheme = "ws", Query = "access_token=" + Uri.EscapeDataString(accessToken) }.Uri;
        await socket.ConnectAsync(uri, invoker, timeout.Token);
        await viewer.SendAsync("""{"protocol":"json","version":1}""", timeout.Token);
        var handshake = await viewer.ReadRecordAsync(timeout.Token);
        if (handshake != "{}")
        {
            throw new Xunit.Sdk.XunitException($"SignalR 握手失败：{handshake}");
        }

        return viewer;
    }

    /// <summary>Invokes Subscribe and reads until its completion; after the last call the viewer reads nothing more.</summary>
    public async Task SubscribeAsync(string bodyId, int year)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var id = (++_invocations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync($$"""{"type":1,"invocationId":"{{id}}","target":"Subscribe","arguments":["{{bodyId}}",{{year}}]}""", timeout.Token);
        while (true)
        {
            var record = await ReadRecordAsync(timeout.Token);
            if (record.Contains("\"type\":3", StringComparison.Ordinal) && record.Contains($"\"invocationId\":\"{id}\"", StringComparison.Ordinal))
            {
                if (record.Contains("\"error\"", StringComparison.Ordinal))
                {
                    throw new Xunit.Sdk.XunitException($"订阅 {bodyId} 失败：{record}");
                }

                return;
            }
        }
    }

    private Task SendAsync(string json, CancellationToken cancellation) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, cancellation);

    // The records read so far but not yet returned (a WebSocket message may hold several).
    private readonly Queue<string> _records = new();
    private readonly StringBuilder _partial = new();
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

    private async Task<string> ReadRecordAsync(CancellationToken cancellation)
    {
        var buffer = new byte[4096];
        while (_records.Count == 0)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellation);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new Xunit.Sdk.XunitException("服务器关闭了连接");
            }

            var chars = new char[Encoding.UTF8.GetMaxCharCount(result.Count)];
            _partial.Append(chars, 0, _decoder.GetChars(buffer, 0, result.Count, chars, 0));
            var text = _partial.ToString();
            var last = text.LastIndexOf(RecordSeparator);
            if (last < 0)
            {
                continue;
            }

            foreach (var record in text[..last].Split(RecordSeparator))
            {
                _records.Enqueue(record);
            }

            _partial.Clear().Append(text[(last + 1)..]);
        }

        return _records.Dequeue();
    }

    public ValueTask DisposeAsync()
    {
        // Abort, not a close handshake: a close would have to get past the backlog this viewer never read.
        _socket.Abort();
        _socket.Dispose();
        _invoker.Dispose();
        return ValueTask.CompletedTask;
    }
}
