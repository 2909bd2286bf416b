using System.Text.Json;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Binational.Simulator;

public sealed class PolicySimulateCliTests
{
    [Fact]
    public async Task Policy_simulate_twice_with_the_same_seed_prints_the_same_bytes_and_says_the_default_demand_was_used()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await app.MigrateAsync();
        string[] args = ["policy", "simulate", "--days", "60", "--seed", "7", "--json", "--start", "2026-12-01"];

        var first = await PuenteCli.Invoke(database, args);
        var second = await PuenteCli.Invoke(database, args);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(first.Output, second.Output);
        var result = JsonDocument.Parse(first.Output).RootElement;
        Assert.Equal("default", result.GetProperty("demand").GetString());
        Assert.NotEmpty(result.GetProperty("report").GetProperty("cohorts").EnumerateArray());
    }

    [Fact]
    public async Task Policy_simulate_refuses_an_unknown_port_and_a_bad_closure_with_exit_code_2()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await app.MigrateAsync();

        var unknown = await PuenteCli.Invoke(database, "policy", "simulate", "--days", "5", "--port-capacity", "9999=10");
        var malformed = await PuenteCli.Invoke(database, "policy", "simulate", "--close", "2603-2026-12-04");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("There is no port of entry with BTS code '9999'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("is not CODE:FROM:TO", malformed.Error, StringComparison.Ordinal);
    }
}
