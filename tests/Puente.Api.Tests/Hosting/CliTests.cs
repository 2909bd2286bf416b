using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;

using Puente.Api.Tests.Accounts;
using Puente.Api.Tests.Ports;

namespace Puente.Api.Tests.Hosting;

public sealed class CliTests
{
    [Fact]
    public async Task Db_migrate_then_users_add_creates_an_officer_who_signs_in_scoped_to_the_port()
    {
        // A new deployment: no schema at all until `db migrate`.
        var database = TestDatabase.CreateEmpty();
        await using var app = new PuenteApp(demo: false, database: database);

        var migrate = await PuenteCli.Invoke(database, "db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("_Initial", migrate.Output, StringComparison.Ordinal);
        var add = await PuenteCli.Invoke(database, "users", "add", "--email", "officer.otay@puente.test",
            "--role", "PortOfficer", "--port", "2506", "--port", "2504", "--password", "Otay-Mesa-2026!");
        Assert.True(add.ExitCode == 0, add.Error);

        var client = await app.ClientFor("officer.otay@puente.test", "Otay-Mesa-2026!");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me", TestContext.Current.CancellationToken);
        Assert.Equal(["PortOfficer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["2504", "2506"], me.GetProperty("ports").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Every_service_the_cli_registers_can_be_built_as_in_development()
    {
        // `dotnet run` starts the CLI in Development, where the host checks every registration at start:
        // a use case that needs a web-only service would stop every command there.
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await app.MigrateAsync();

        var list = await PuenteCli.Invoke(database, new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" }, "users", "list");

        Assert.True(list.ExitCode == 0, list.Error);
    }

    [Fact]
    public async Task Users_add_prints_a_generated_password_once_when_none_is_given()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await app.MigrateAsync();

        var add = await PuenteCli.Invoke(database, "users", "add", "--email", "analyst.mx@puente.test", "--role", "analyst");

        Assert.True(add.ExitCode == 0, add.Error);
        var password = add.Output.Split('\n').Single(l => l.StartsWith("Initial password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        await app.ClientFor("analyst.mx@puente.test", password);
    }

    [Theory]
    [InlineData("Ambassador", null, "Unknown role 'Ambassador'")]
    [InlineData("PortOfficer", null, "needs at least one --port")]
    [InlineData("PortOfficer", "9999", "Unknown port '9999'")]
    public async Task Users_add_refuses_bad_input_with_a_clear_message_and_creates_nothing(string role, string? port, string message)
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await app.MigrateAsync();
        string[] args = ["users", "add", "--email", "someone@puente.test", "--role", role, "--password", "Someone-2026-ok!"];

        var add = await PuenteCli.Invoke(database, port is null ? args : [.. args, "--port", port]);

        Assert.Equal(2, add.ExitCode);
        Assert.Contains(message, add.Error, StringComparison.Ordinal);
        var login = await app.CreateClient().PostAsJsonAsync("/api/auth/login",
            new { email = "someone@puente.test", password = "Someone-2026-ok!" }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, login.StatusCode);
    }
}
