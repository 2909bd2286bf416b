using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Puente.Web.Database;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>Puente over HTTP in memory, on its own fresh database, with a clock the test controls.</summary>
public sealed class PuenteApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Puente-demo-2026!";

    /// <summary>The test deployment's key for protection cases' personal fields (32 bytes, base64).</summary>
    public const string ProtectionDataKey = "dGVzdC1vbmx5LXByb3RlY3Rpb24ta2V5LTMyLWJ5dGU=";

    /// <summary>PBKDF2 rounds for passwords hashed by test hosts and the CLI they run.</summary>
    public const string TestPasswordHashIterations = "1000";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PauseBetweenSteps = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<string, string?> settings;
    private readonly IInterceptor[] interceptors;

    public TestDatabase Database { get; }
    /// <summary>Starts at 2026-11-29 15:00 UTC unless the test gives another start.</summary>
    public FakeTimeProvider Clock { get; }

    /// <param name="interceptors">EF Core interceptors added to the host's database context, for tests
    /// that must stop a use case at an exact statement (races made deterministic).</param>
    /// <param name="start">Where the clock starts, for tests that need another day than the usual one
    /// (the clock only moves forward).</param>
    public PuenteApp(bool demo = true, IDictionary<string, string?>? settings = null, TestDatabase? database = null, IInterceptor[]? interceptors = null,
        DateTimeOffset? start = null)
    {
        Clock = new(start ?? new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero));
        this.interceptors = interceptors ?? [];
        Database = database ?? TestDatabase.Create();
        this.settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider,
            ["ConnectionStrings:Puente"] = Database.ConnectionString,
            ["Demo:Enabled"] = demo ? "true" : "false",
            ["Demo:Password"] = DemoPassword,
            // Tests make many requests from one address in a few seconds; RateLimitTests use the shipped limits.
            ["RateLimiting:SignInBurst"] = "100000",
            ["RateLimiting:AnonymousBurst"] = "100000",
            ["RateLimiting:AccountBurst"] = "100000",
            ["BackgroundJobs:Enabled"] = "false",
            ["Demo:SimulatedApplicants"] = "0",
            ["Protection:DataKey"] = ProtectionDataKey,
            // Hashing stays real but cheap: every test host seeds accounts and signs people in.
            ["PasswordHashing:IterationCount"] = TestPasswordHashIterations,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddresses.Filter>());
        if (interceptors.Length > 0)
        {
            builder.ConfigureTestServices(services =>
            {
                if (Database.Provider == "Postgres")
                {
                    services.ConfigureDbContext<PostgresPuenteDb>(o => o.AddInterceptors(interceptors));
                }
                else
                {
                    services.ConfigureDbContext<SqlitePuenteDb>(o => o.AddInterceptors(interceptors));
                }
            });
        }
    }

    /// <summary>A client signed in through the public login endpoint with a bearer token.</summary>
    public async Task<HttpClient> ClientFor(string email, string password = DemoPassword, bool followRedirects = true)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>The six-digit code in the newest message queued for a contact, as its owner would read it.</summary>
    public Task<string> LatestCode(string contact) => OutboxCodes.Latest(Services, contact);

    /// <summary>What `puente db migrate` does, for tests that start without demo data.</summary>
    public async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Puente.Web.Database.MigrateDatabase>().Handle();
    }

    /// <summary>
    /// For tests of the background jobs, which wake on <see cref="Clock"/>: moves the clock on by
    /// <paramref name="step"/> at a time (not at all when zero) until <paramref name="done"/> holds.
    /// Fails, naming <paramref name="what"/>, after 30 s of real time, so after at most 600 steps.
    /// </summary>
    public async Task AdvanceUntil(TimeSpan step, Func<Task<bool>> done, string what)
    {
        // Start the host first: its start-up is not part of the wait.
        _ = Services;
        using var patience = new CancellationTokenSource(Patience);
        while (!await done())
        {
            if (patience.IsCancellationRequested)
            {
                Assert.Fail($"Waited {Patience.TotalSeconds} s of real time for {what}; the clock reads {Clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC.");
            }
            Clock.Advance(step);
            // Real time for whatever the step woke to do its round.
            await Task.Delay(PauseBetweenSteps, TestContext.Current.CancellationToken);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed record TokenResponse(string AccessToken);
}
