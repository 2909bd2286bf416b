using Microsoft.Playwright;
using Puente.Browser.Tests.Hosting;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Binational;

/// <summary>An analyst runs the policy simulator with the page's own form, then the public open data page, in each language.</summary>
public sealed class SimulatorPagesTests(BrowserFixture fixture)
{
    private const string Analyst = "analyst@puente.test";

    public static TheoryData<string, string, string, string, string> Texts() => new()
    {
        { "es", "Días a simular", "Factor de capacidad", "Simular", "Espera por cohorte: mes de registro, tamaño del grupo y puerto preferido" },
        { "en", "Days to simulate", "Capacity factor", "Simulate", "Wait per cohort: registration month, group size and preferred port" },
        { "ht", "Konbyen jou pou similye", "Faktè kapasite", "Similye", "Tan datant pa gwoup: mwa enskripsyon, gwosè gwoup la ak pò ou prefere a" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task An_analyst_compares_doubled_capacity_with_the_current_policy_and_the_open_data_page_lists_every_file(
        string language, string days, string scale, string run, string caption)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        // The sign-in page speaks the browser's language (es-MX); the simulator is then opened in the test's.
        await page.GotoAsync("/Binational/Simulator");
        await Site.Login("es").SubmitAsync(page, Analyst, PuenteServer.DemoPassword);
        await page.GotoAsync(Site.InLanguage("/Binational/Simulator", language));
        await AccessibilityTests.AssertNoBlockingViolations(page);

        await page.GetByLabel(days, new() { Exact = true }).FillAsync("20");
        await page.GetByLabel(scale, new() { Exact = true }).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = run, Exact = true }).ClickAsync();

        var cohorts = page.GetByRole(AriaRole.Table, new() { Name = caption });
        await Assertions.Expect(cohorts).ToBeVisibleAsync();
        Assert.True(await cohorts.GetByRole(AriaRole.Row).CountAsync() > 2);
        Assert.Contains("scale=2", page.Url, StringComparison.Ordinal);
        await AccessibilityTests.AssertNoBlockingViolations(page);

        await page.GotoAsync(Site.InLanguage("/opendata", language));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "datapackage.json" })).ToBeVisibleAsync();
        Assert.Equal(6, await page.Locator("main a[href^='/opendata/'][href$='.csv']").CountAsync());
        await AccessibilityTests.AssertNoBlockingViolations(page);
    }
}
