using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Pathways.Capacity;

public sealed class CapacityCliTests
{
    // The CLI runs on the real clock, so the date has to stay in the future for years.
    private const string Date = "2036-12-03";

    [Fact]
    public async Task Capacity_set_show_and_reset_round_trip_and_a_frozen_date_exits_1()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(database: database);
        _ = app.Services;

        var set = await PuenteCli.Invoke(database, "capacity", "set", "--port", "2504", "--date", Date, "--slot", "08:00=20", "--slot", "09:00=25");
        Assert.True(set.ExitCode == 0, set.Error);

        var shown = await PuenteCli.Invoke(database, "capacity", "show", "--port", "2504", "--date", Date);
        Assert.True(shown.ExitCode == 0, shown.Error);
        Assert.Contains("override", shown.Output, StringComparison.Ordinal);
        Assert.Contains("08:00  20", shown.Output, StringComparison.Ordinal);
        Assert.Contains("total 45 persons in 2 slot(s)", shown.Output, StringComparison.Ordinal);

        var reset = await PuenteCli.Invoke(database, "capacity", "reset", "--port", "2504", "--date", Date);
        Assert.True(reset.ExitCode == 0, reset.Error);
        Assert.Contains("template", reset.Output, StringComparison.Ordinal);
        Assert.Contains("total 180 persons in 6 slot(s)", reset.Output, StringComparison.Ordinal);

        var announce = await PuenteCli.Invoke(database, "draw", "announce", "--date", Date);
        Assert.True(announce.ExitCode == 0, announce.Error);
        var frozen = await PuenteCli.Invoke(database, "capacity", "set", "--port", "2504", "--date", Date, "--slot", "08:00=1");
        Assert.Equal(1, frozen.ExitCode);
        Assert.Contains("frozen", frozen.Error, StringComparison.Ordinal);
        var resetFrozen = await PuenteCli.Invoke(database, "capacity", "reset", "--port", "2504", "--date", Date);
        Assert.Equal(1, resetFrozen.ExitCode);
    }

    [Theory]
    [InlineData("'08:00' is not a slot", "set", "--port", "2504", "--date", Date, "--slot", "08:00")]
    [InlineData("--slot #2: A start time is HH:MM", "set", "--port", "2504", "--date", Date, "--slot", "08:00=5", "--slot", "25:00=5")]
    [InlineData("no port of entry", "set", "--port", "0000", "--date", Date, "--slot", "08:00=5")]
    [InlineData("not a date", "show", "--port", "2504", "--date", "03/12/2036")]
    [InlineData("--date", "reset", "--port", "2504")]
    public async Task Capacity_with_bad_input_exits_2_saying_what_is_wrong(string expected, params string[] args)
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(database: database);
        _ = app.Services;

        var run = await PuenteCli.Invoke(database, ["capacity", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }
}
