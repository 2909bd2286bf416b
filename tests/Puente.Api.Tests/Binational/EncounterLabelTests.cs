using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Binational.Encounters;
using Puente.Web.Binational.Figures;
using static Puente.Api.Tests.Binational.BinationalData;

namespace Puente.Api.Tests.Binational;

public sealed class EncounterLabelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demos_encounters_sample_is_labelled_as_a_sample_and_never_as_cbps_figures()
    {
        await using var app = new PuenteApp(demo: false);
        await app.MigrateAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var file = new StreamReader(ImportEncounters.SampleFile());
            await scope.ServiceProvider.GetRequiredService<ImportEncounters>().Handle(file, Ct);
        }
        var anonymous = app.CreateClient();

        var figures = await Figures(anonymous, "/api/binational/public-figures?from=2026-09-01&to=2026-11-30");
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Binational/Public?from=2026-09-01&to=2026-11-30&lang=en", Ct));

        Assert.Equal(FigureSources.EncountersSample, figures.Encounters.Source);
        Assert.NotNull(figures.Encounters.Total);
        Assert.Contains("Source: Puente's demonstration sample in CBP's format (not CBP's figures", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Encounters (demonstration sample)</dt>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Source: CBP, southwest land border encounters", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demos_bts_counts_are_labelled_as_made_up_until_btss_file_is_imported()
    {
        await using var app = new PuenteApp();
        var anonymous = app.CreateClient();
        const string period = "from=2023-09-01&to=2023-11-30";

        var demo = await Figures(anonymous, $"/api/binational/public-figures?{period}");
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Binational/Public?{period}&lang=en", Ct));

        Assert.Equal(FigureSources.BtsDemo, demo.Flows.Source);
        Assert.NotEmpty(demo.Flows.Measures);
        Assert.Contains("Source: Puente's made-up demonstration counts in BTS's format (not BTS's figures", page, StringComparison.Ordinal);

        await Ports.Flows.FlowsTests.Import(app, TestFiles.Fixture("Ports/bts-current.csv"));
        var real = await Figures(anonymous, $"/api/binational/public-figures?{period}");

        Assert.Equal(FigureSources.Bts, real.Flows.Source);
    }

    [Fact]
    public async Task The_dashboards_link_to_the_simulator_and_the_open_data_for_those_who_may_use_them()
    {
        await using var app = new PuenteApp();
        var analyst = await PageForms.SignIn(app, Analyst);

        var dashboard = await analyst.GetStringAsync("/Binational?lang=ht", Ct);
        var publicPage = await app.CreateClient().GetStringAsync("/Binational/Public?lang=es", Ct);

        Assert.Contains("href=\"/Binational/Simulator\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("href=\"/opendata\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("Simile yon chanjman kapasite", dashboard, StringComparison.Ordinal);
        Assert.Contains("href=\"/opendata\"", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/Binational/Simulator", publicPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/Binational/Simulator?lang=en", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/opendata?lang=en", Ct)).StatusCode);
    }
}
