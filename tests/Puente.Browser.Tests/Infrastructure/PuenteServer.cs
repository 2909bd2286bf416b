using Microsoft.EntityFrameworkCore;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Browser.Tests.Infrastructure;

/// <summary>
/// Puente on Kestrel at a real loopback port, because a browser cannot talk to the in-memory
/// test server. Fresh database, demo accounts, the production pipeline otherwise. The test owns
/// time: no background jobs, so a draw happens when the test runs it, and what a page shows never
/// depends on the day the suite runs. With <paramref name="demoDraw"/>, the demo's living day (the
/// draw of the clock's date, with the demo applicant's pass and some groups checked in) is there to
/// look at, as a newcomer would find it.
/// </summary>
public sealed class PuenteServer(FakeTimeProvider clock, bool demoDraw = false) : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Puente-demo-2026!";

    private readonly TestDatabase database = TestDatabase.Create();

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; private set; } = null!;

    public void Start()
    {
        // Port 0: the OS picks a free port, so parallel runs on one machine never collide.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Address = new Uri(addresses.Single());
    }

    /// <summary>
    /// The ports' data a reader finds after <c>puente import bwt</c> and <c>puente import bts</c>: the CBP
    /// wait-time fixtures (JSON and XML) and a year of San Ysidro's monthly counts, so the waits and flows
    /// pages draw their charts and the December 2023 closures show their cost.
    /// </summary>
    public async Task ImportPortsData()
    {
        await using var scope = Services.CreateAsyncScope();
        var waits = scope.ServiceProvider.GetRequiredService<Puente.Web.Ports.WaitTimes.ImportWaitTimes>();
        foreach (var feed in (string[])["Ports/bwtnew.json", "Ports/bwt.xml"])
        {
            await waits.Handle(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", feed)), feed);
        }
        using var counts = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Ports", "bts-san-ysidro.csv"));
        await scope.ServiceProvider.GetRequiredService<Puente.Web.Ports.Flows.ImportBtsFlows>().Handle(counts);
    }

    /// <summary>The six-digit code in the newest message queued for a contact, as its owner would read it.</summary>
    public Task<string> LatestCode(string contact) => Puente.Api.Tests.Infrastructure.OutboxCodes.Latest(Services, contact);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:Puente", database.ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        // Every test shares this server; the default limits are sized for one person, not a suite.
        builder.UseSetting("RateLimiting:SignInBurst", "100000");
        builder.UseSetting("RateLimiting:AnonymousBurst", "100000");
        builder.UseSetting("RateLimiting:AccountBurst", "100000");
        // Hashing stays real but cheap: the server seeds accounts and the tests sign people in.
        builder.UseSetting("PasswordHashing:IterationCount", "1000");
        builder.UseSetting("BackgroundJobs:Enabled", "false");
        builder.UseSetting("Protection:DataKey", "dGVzdC1vbmx5LXByb3RlY3Rpb24ta2V5LTMyLWJ5dGU=");
        if (!demoDraw)
        {
            builder.UseSetting("Demo:SimulatedApplicants", "0");
        }
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
