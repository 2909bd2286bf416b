using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Draws;

namespace Puente.Api.Tests.Pathways.Draws;

/// <summary>
/// A drand HTTP relay on 127.0.0.1 (real Kestrel) that serves only the rounds recorded in
/// <c>Drand/</c> beside this file, byte for byte as drand published them. <see cref="Down"/> is a relay
/// whose port is held but refuses every connection.
/// </summary>
public sealed class DrandRelay : IAsyncDisposable
{
    public const string Quicknet = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";

    private readonly WebApplication? server;
    private readonly Socket? held;
    private readonly ConcurrentQueue<string> asked = new();
    private readonly Func<string, string> answer = json => json;

    public string BaseUrl { get; }

    /// <summary>Every path asked for, in order.</summary>
    public IReadOnlyCollection<string> Asked => asked;

    public static string Recorded { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Puente.Api.Tests", "Pathways", "Draws", "Drand");

    private DrandRelay(WebApplication server, string baseUrl, Func<string, string>? answer)
    {
        this.server = server;
        BaseUrl = baseUrl;
        this.answer = answer ?? this.answer;
    }

    private DrandRelay(Socket held)
    {
        this.held = held;
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)held.LocalEndPoint!).Port}";
    }

    /// <param name="answer">What the relay makes of a recorded round before answering with it: for a
    /// relay that corrupts what it serves. Unchanged when null.</param>
    public static async Task<DrandRelay> Start(Func<string, string>? answer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        DrandRelay? relay = null;
        app.MapGet("/{chainHash}/info", (string chainHash) =>
            Serve(relay!, chainHash, $"/{chainHash}/info", Path.Combine(chainHash, "info.json")));
        app.MapGet("/{chainHash}/public/{round:long}", (string chainHash, long round) =>
            Serve(relay!, chainHash, $"/{chainHash}/public/{round}", Path.Combine(chainHash, "public", $"{round}.json")));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        relay = new DrandRelay(app, address, answer);
        return relay;
    }

    public static DrandRelay Down()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new DrandRelay(socket);
    }

    /// <summary>The recorded answer to <c>GET /{chainHash}/public/{round}</c>.</summary>
    public static string Round(string chainHash, long round) =>
        File.ReadAllText(Path.Combine(Recorded, chainHash, "public", $"{round}.json")).Trim();

    private static IResult Serve(DrandRelay relay, string chainHash, string path, string file)
    {
        relay.asked.Enqueue(path);
        var recorded = Path.Combine(Recorded, file);
        return DrawBeaconRound.IsChainHash(chainHash) && File.Exists(recorded)
            ? Results.Text(relay.answer(File.ReadAllText(recorded).Trim()), "application/json")
            : Results.NotFound();
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        held?.Dispose();
    }
}
