using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Binational.Encounters;
using Puente.Web.Database;

namespace Puente.Api.Tests.Binational;

public sealed class EncountersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ImportEncounters.Outcome> Import(PuenteApp app, TextReader file)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportEncounters>().Handle(file, Ct);
    }

    [Fact]
    public async Task The_sample_imports_into_calendar_months_and_a_second_import_adds_nothing()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();

        var first = Assert.IsType<ImportEncounters.Imported>(await Import(app, new StreamReader(ImportEncounters.SampleFile())));
        var second = Assert.IsType<ImportEncounters.Imported>(await Import(app, new StreamReader(ImportEncounters.SampleFile())));

        Assert.Equal((56, 56, 0, 0), (first.RowsRead, first.Added, first.AlreadyStored, first.Conflicts));
        Assert.Empty(first.Rejected);
        Assert.Equal((56, 0, 56), (second.RowsRead, second.Added, second.AlreadyStored));
        await using var scope = app.Services.CreateAsyncScope();
        var months = await scope.ServiceProvider.GetRequiredService<PuenteDb>().EncounterCounts.Select(c => c.Month).Distinct().OrderBy(m => m).ToListAsync(Ct);
        // Fiscal 2026 starts in October 2025; "2027 (FYTD)" November is November 2026.
        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2026, 11, 1), 14), (months[0], months[^1], months.Count));
    }

    [Fact]
    public async Task A_second_count_for_the_same_cell_is_kept_beside_the_first_and_reported()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        const string Header = "Fiscal Year,Month Grouping,Month (abbv),Component,Demographic,Citizenship Grouping,Title of Authority,Encounter Type,Encounter Count\n";
        await Import(app, new StringReader(Header + "2024,FYTD,OCT,U.S. Border Patrol,UAC,Mexico,Title 8,Apprehensions,10\n"));

        var revised = Assert.IsType<ImportEncounters.Imported>(await Import(app, new StringReader(
            Header + "2024,FYTD,OCT,U.S. Border Patrol,UAC,Mexico,Title 8,Apprehensions,12\n2024,FYTD,XYZ,U.S. Border Patrol,UAC,Mexico,Title 8,Apprehensions,3\n")));

        Assert.Equal((2, 1, 1), (revised.RowsRead, revised.Added, revised.Conflicts));
        Assert.Equal("month", Assert.Single(revised.Rejected).Reason);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal([10L, 12L], await scope.ServiceProvider.GetRequiredService<PuenteDb>().EncounterCounts
            .Where(c => c.Month == new DateOnly(2023, 10, 1)).Select(c => c.Count).OrderBy(c => c).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_file_of_another_format_is_refused_by_the_cli_with_exit_code_2()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "Port Name,State,Port Code\n", Ct);
        try
        {
            var run = await PuenteCli.Invoke(app.Database, "import", "encounters", file);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("is not CBP's encounters export", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_real_cbp_file_imports_every_row_through_the_cli_and_again_adds_nothing()
    {
        var path = TestFiles.RealData("cbp_sw_land_border_encounters_fy22-fy25aug_sbo.csv");
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();

        var first = await PuenteCli.Invoke(app.Database, "import", "encounters", path);
        var second = await PuenteCli.Invoke(app.Database, "import", "encounters", path);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("1936 rows read, 1936 added, 0 already stored, 0 cells with a second count", first.Output, StringComparison.Ordinal);
        Assert.Contains("1936 rows read, 0 added, 1936 already stored", second.Output, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var months = await scope.ServiceProvider.GetRequiredService<PuenteDb>().EncounterCounts.Select(c => c.Month).Distinct().ToListAsync(Ct);
        Assert.Equal((new DateOnly(2021, 10, 1), new DateOnly(2025, 8, 1)), (months.Min(), months.Max()));
    }
}
