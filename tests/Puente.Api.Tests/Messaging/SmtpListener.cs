using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Puente.Api.Tests.Messaging;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps every message it accepts. It binds a port of its own
/// once and holds it until disposed, so no other process can take the port from under a test.
/// </summary>
public sealed class SmtpListener : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Store store = new();
    private SmtpServer.SmtpServer? server;
    private Task running = Task.CompletedTask;

    public int Port { get; }
    public IReadOnlyCollection<Received> Messages => store.Messages;

    public sealed record Received(IReadOnlyList<string> Recipients, MimeMessage Message);

    private SmtpListener()
    {
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A server that accepts mail from the moment this returns.</summary>
    public static SmtpListener Start()
    {
        var listener = new SmtpListener();
        listener.Open();
        return listener;
    }

    /// <summary>A mail server that is down: its port is held, but every connection is refused until <see cref="Open"/>.</summary>
    public static SmtpListener Down() => new();

    /// <summary>Starts accepting connections; the kernel queues them from this call on, so the server is reachable when it returns.</summary>
    public void Open()
    {
        socket.Listen();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint((IPEndPoint)socket.LocalEndPoint!))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(new HeldSocket(socket));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        server?.Shutdown();
        running.Wait(TimeSpan.FromSeconds(5));
        socket.Dispose();
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

    // SmtpServer's own listener binds the endpoint itself; this one serves the socket bound above.
    private sealed class HeldSocket(Socket socket) : IEndpointListenerFactory, IEndpointListener
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) => this;

        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken) =>
            new Connection(new NetworkStream(await socket.AcceptAsync(cancellationToken), ownsSocket: true));

        // The socket belongs to the SmtpListener, which closes it.
        public void Dispose()
        {
        }
    }

    private sealed class Connection(NetworkStream stream) : ISecurableDuplexPipe
    {
        public PipeReader Input { get; } = PipeReader.Create(stream);
        public PipeWriter Output { get; } = PipeWriter.Create(stream);
        public bool IsSecure => false;
        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("This test server speaks plain SMTP only.");

        public void Dispose() => stream.Dispose();
    }
}
