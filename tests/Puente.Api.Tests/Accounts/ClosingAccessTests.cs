using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;

namespace Puente.Api.Tests.Accounts;

/// <summary>
/// An operator closes access from the CLI (another process, the same database): the account's bearer
/// tokens stop working within a minute, a disabled account cannot sign in until enabled, and a new
/// role replaces the old one for every session.
/// </summary>
public sealed class ClosingAccessTests
{
    private const string Officer = "officer.otay@puente.test";
    private const string Password = "Otay-Mesa-2026!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_disabled_officers_token_is_refused_within_a_minute_and_they_cannot_sign_in_until_enabled()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await AddOfficer(app, database);
        var client = await app.ClientFor(Officer, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me", Ct)).StatusCode);

        var disable = await PuenteCli.Invoke(database, "users", "disable", "--email", Officer);
        Assert.True(disable.ExitCode == 0, disable.Error);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(app)).StatusCode);
        var list = await PuenteCli.Invoke(database, "users", "list");
        Assert.Contains($"{Officer}\tPortOfficer ports 2506\tdisabled", list.Output, StringComparison.Ordinal);

        var enable = await PuenteCli.Invoke(database, "users", "enable", "--email", Officer);
        Assert.True(enable.ExitCode == 0, enable.Error);
        Assert.Equal(HttpStatusCode.OK, (await SignIn(app)).StatusCode);
    }

    [Fact]
    public async Task A_new_role_replaces_the_old_one_and_the_old_token_loses_it_within_a_minute()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await AddOfficer(app, database);
        var client = await app.ClientFor(Officer, Password);

        var change = await PuenteCli.Invoke(database, "users", "set-role", "--email", Officer, "--role", "analyst");
        Assert.True(change.ExitCode == 0, change.Error);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me", Ct)).StatusCode);
        var fresh = await app.ClientFor(Officer, Password);
        var me = await fresh.GetFromJsonAsync<JsonElement>("/api/me", Ct);
        Assert.Equal(["Analyst"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(me.GetProperty("ports").EnumerateArray());
    }

    /// <summary>A submission compares the token's stamp in its own read (SessionCheck.ComparedByHandlerAttribute): a disabled
    /// applicant's token stores nothing and replays nothing, whatever the body.</summary>
    [Fact]
    public async Task A_disabled_applicants_token_submits_nothing_and_replays_nothing_within_a_minute()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(database: database);
        var driver = new PathwaysDriver(app);
        var (client, registration) = await driver.SignedInApplicant("closed@puente.test");
        await driver.Announce();
        var first = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(PathwaysDriver.RequestBody(registration, "2504")) };
        first.Headers.Add("Idempotency-Key", "first");
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(first, Ct)).StatusCode);

        var disable = await PuenteCli.Invoke(database, "users", "disable", "--email", "closed@puente.test");
        Assert.True(disable.ExitCode == 0, disable.Error);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        // The same key with a body that is not valid would replay the earlier receipt for a live token.
        var replay = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(new { serviceDate = "2026-12-01" }) };
        replay.Headers.Add("Idempotency-Key", "first");
        var refusedReplay = await client.SendAsync(replay, Ct);
        var refusedNew = await client.PostAsJsonAsync("/api/requests", PathwaysDriver.RequestBody(registration, "2304"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, refusedReplay.StatusCode);
        Assert.DoesNotContain("ticket", await refusedReplay.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedNew.StatusCode);
        Assert.Equal("application/problem+json", refusedNew.Content.Headers.ContentType?.MediaType);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PuenteDb>().Requests.CountAsync(Ct));
    }

    [Fact]
    public async Task A_role_that_needs_a_scope_is_refused_without_it_and_an_unknown_account_is_named()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await AddOfficer(app, database);

        var noPort = await PuenteCli.Invoke(database, "users", "set-role", "--email", Officer, "--role", "PortOfficer");
        var nobody = await PuenteCli.Invoke(database, "users", "disable", "--email", "nobody@puente.test");

        Assert.Equal(2, noPort.ExitCode);
        Assert.StartsWith("--port:", noPort.Error, StringComparison.Ordinal);
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("nobody@puente.test", nobody.Error, StringComparison.Ordinal);
    }

    private static async Task AddOfficer(PuenteApp app, TestDatabase database)
    {
        await app.MigrateAsync();
        var add = await PuenteCli.Invoke(database, "users", "add", "--email", Officer, "--role", "PortOfficer", "--port", "2506", "--password", Password);
        Assert.True(add.ExitCode == 0, add.Error);
    }

    private static Task<HttpResponseMessage> SignIn(PuenteApp app) =>
        app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = Officer, password = Password }, Ct);
}
