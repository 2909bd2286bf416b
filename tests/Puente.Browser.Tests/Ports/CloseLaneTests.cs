using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Ports;

/// <summary>An officer closes San Ysidro's PedWest with the page's own forms: preview first, then confirm.</summary>
public sealed class CloseLaneTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_officer_previews_a_closure_then_confirms_it_without_javascript()
    {
        var day = await fixture.DrawnDay;
        await using var context = await fixture.NewContextAsync(day.Server, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Officer/Ports/2504/Close");
        await Site.Login("es").SubmitAsync(page, DrawnDay.Officer, PuenteServer.DemoPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cerrar un carril: San Ysidro (2504)", Level = 1 })).ToBeVisibleAsync();

        // Dates far from the fixture's drawn days, so no other test sees this closure.
        await page.GetByLabel("Cruce y carril").SelectOptionAsync("250407:Pedestrian");
        await page.GetByLabel("Primera fecha cerrada").FillAsync("2027-02-01");
        await page.GetByLabel("Última fecha cerrada").FillAsync("2027-02-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver el efecto" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Efecto del cierre (todavía no cambió nada)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("0 grupos afectados, 0 reubicados, 0 sin lugar");
        // What it costs, or why it cannot be said: no BTS counts for the year before February 2027.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lo que cuesta el cierre" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No hay conteos BTS de los 12 meses anteriores al cierre")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar el cierre" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cierre registrado" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Volver a los carriles" }).ClickAsync();
        await Assertions.Expect(page.GetByText("250407, carril peatonal: del 2027-02-01 al 2027-02-02").First).ToBeVisibleAsync();
    }
}
