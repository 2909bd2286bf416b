using Microsoft.Playwright;
using Puente.Browser.Tests.Hosting;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Binational;

/// <summary>An analyst opens the dashboard and the briefing in each language; both pass the accessibility scan.</summary>
public sealed class DashboardPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_dashboard_and_the_briefing_read_in_every_language_and_pass_the_accessibility_scan()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Binational");
        await Site.Login("es").SubmitAsync(page, "analyst@puente.test", PuenteServer.DemoPassword);

        var dashboard = new Dictionary<string, string>
        {
            ["es"] = "Vías legales: demanda y oferta",
            ["en"] = "Legal pathways: demand and supply",
            ["ht"] = "Chemen legal: demann ak òf",
        };
        foreach (var (language, pathways) in dashboard)
        {
            await page.GotoAsync($"/Binational?lang={language}");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = $"{(language == "es" ? "Figura" : language == "ht" ? "Figi" : "Figure")} 1. {pathways}" })).ToBeVisibleAsync();
            await AccessibilityTests.AssertNoBlockingViolations(page);

            await page.GotoAsync($"/Binational/Briefing?lang={language}&language={language}");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = language switch
            {
                "es" => "Descargar el informe en PDF",
                "ht" => "Telechaje rapò a an PDF",
                _ => "Download the briefing as PDF",
            } })).ToBeVisibleAsync();
            await AccessibilityTests.AssertNoBlockingViolations(page);
        }

        // Side by side: each figure's labels in Spanish and in English, in one table.
        await page.GotoAsync("/Binational/Briefing?lang=es&language=es-en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Informe binacional / Binational briefing", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Lugares ofrecidos" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Places offered" })).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolations(page);
    }
}
