using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Puente.Api.Tests.Outbox;

/// <summary>A real SMTP server on 127.0.0.1 that keeps every message it accepts.</summary>
public sealed class SmtpListener : IDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly Store store = new();
    private readonly Task running;

    public int Port { get; }
    public IReadOnlyCollection<Received> Messages => store.Messages;

    public sealed record Received(IReadOnlyList<string> Recipients, MimeMessage Message);

    private SmtpListener(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(CancellationToken.None);
    }

    /// <summary>Starts listening on <paramref name="port"/> (a free one when null) and returns once it accepts connections.</summary>
    public static async Task<SmtpListener> Start(int? port = null)
    {
        var listener = new SmtpListener(port ?? FreePort());
        for (var tries = 0; ; tries++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, listener.Port);
                return listener;
            }
            catch (SocketException) when (tries < 50)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        server.Shutdown();
        running.Wait(TimeSpan.FromSeconds(5));
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<Received> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Messages.Enqueue(new Received(transaction.To.Select(m => $"{m.User}@{m.Host}").ToList(), message));
            return SmtpResponse.Ok;
        }
    }
}
