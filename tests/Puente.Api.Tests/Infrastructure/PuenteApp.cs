using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>Puente over HTTP in memory, on its own fresh database, with a clock the test controls.</summary>
public sealed class PuenteApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Puente-demo-2026!";

    private readonly Dictionary<string, string?> settings;

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero));

    public PuenteApp(bool demo = true, IDictionary<string, string?>? settings = null, TestDatabase? database = null)
    {
        Database = database ?? TestDatabase.Create();
        this.settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider,
            ["ConnectionStrings:Puente"] = Database.ConnectionString,
            ["Demo:Enabled"] = demo ? "true" : "false",
            ["Demo:Password"] = DemoPassword,
            ["RateLimiting:SignInPermitsPerWindow"] = "1000",
            ["RateLimiting:PermitsPerWindow"] = "100000",
            ["Pathways:BackgroundJobs"] = "false",
            ["Demo:SimulatedApplicants"] = "0",
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

    /// <summary>What `puente db migrate` does, for tests that start without demo data.</summary>
    public async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Puente.Web.Database.MigrateDatabase>().Handle();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed record TokenResponse(string AccessToken);
}
