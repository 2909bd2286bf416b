using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Ports.Flows;

public sealed class ImportCliTests
{
    [Fact]
    public async Task Puente_import_bts_prints_the_summary_and_a_second_run_adds_nothing()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await app.MigrateAsync();
        var file = TestFiles.Fixture("Ports/bts-current.csv");

        var first = await PuenteCli.Invoke(database, "import", "bts", file);
        var second = await PuenteCli.Invoke(database, "import", "bts", file);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("12 rows read, 6 added, 0 already stored, 1 exact duplicates, 1 conflicts, 1 other-border rows skipped, 1 rows of unknown ports, 3 unreadable lines", first.Output, StringComparison.Ordinal);
        Assert.Contains("conflict   2606 2021-02 BusPassengers: values 0 and 2175, all kept", first.Output, StringComparison.Ordinal);
        Assert.Contains("unknown port 9999: 1 rows skipped", first.Output, StringComparison.Ordinal);
        Assert.Contains("unreadable line 11 (BadMonth)", first.Output, StringComparison.Ordinal);
        Assert.Contains("12 rows read, 0 added, 6 already stored", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Puente_import_bwt_records_an_xml_feed_and_names_the_unknown_port_number()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await app.MigrateAsync();

        var run = await PuenteCli.Invoke(database, "import", "bwt", TestFiles.Fixture("Ports/bwt.xml"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("5 Mexican-border crossings recorded", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 Canadian-border crossings skipped", run.Output, StringComparison.Ordinal);
        Assert.Contains("unknown port number 269999", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bts", "Ports/bwt.xml", "neither BTS layout")]
    [InlineData("bts", "Ports/no-such-file.csv", "There is no file")]
    [InlineData("bwt", "Ports/bts-legacy.csv", "nothing could be read")]
    public async Task A_missing_or_wrong_file_exits_2_with_a_message(string kind, string fixture, string message)
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await app.MigrateAsync();

        var run = await PuenteCli.Invoke(database, "import", kind, TestFiles.Fixture(fixture));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
