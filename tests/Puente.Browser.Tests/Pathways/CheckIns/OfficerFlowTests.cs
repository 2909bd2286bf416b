using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Pathways.CheckIns;

/// <summary>An officer at San Ysidro on the morning of a drawn date, with the page's own forms (offline: <see cref="OfflineCheckInTests"/>).</summary>
public sealed class OfficerFlowTests(BrowserFixture fixture)
{
    private const string Officer = DrawnDay.Officer;

    [Fact]
    public async Task Officer_verifies_a_pasted_pass_confirms_it_and_a_second_check_in_is_refused()
    {
        var day = await fixture.DrawnDay;
        var pass = await day.PassText(DrawnDay.CheckedInOnline);
        // Without JavaScript: the page's own forms are the path every officer has.
        await using var context = await fixture.NewContextAsync(day.Server, javaScript: false);
        var page = await SignedInCheckIn(context);

        await page.GetByLabel("Texto del pase").FillAsync(pass);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verificar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pase válido: confirme que las personas presentes coinciden" })).ToBeVisibleAsync();
        // The booth manifest: each traveller as registered, with the document's last characters.
        var manifest = page.GetByRole(AriaRole.Table, new() { Name = "Quiénes viajan (según su registro)" });
        await Assertions.Expect(manifest.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ana Lucía Núñez" })).ToContainTextAsync("1991-05-20");
        await Assertions.Expect(manifest.GetByRole(AriaRole.Row).Filter(new() { HasText = "Élodie Pierre" })).ToContainTextAsync("Sin documento");

        // Confirming with nobody ticked is refused; the officer ticks each person present.
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar el registro" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Marque a cada persona presente del grupo antes de confirmar.");
        await page.GetByLabel("Texto del pase").FillAsync(pass);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verificar", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Ana Lucía Núñez está presente" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Élodie Pierre está presente" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar el registro" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrado", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Texto del pase").FillAsync(pass);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verificar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert))
            .ToHaveTextAsync("Este pase ya se usó en San Ysidro (2504) el martes 1 de diciembre, 9:00 a. m., hora del Pacífico.");
        Assert.Equal("checkedIn", (await day.Appointment(DrawnDay.CheckedInOnline)).GetProperty("status").GetString());
    }

    private static async Task<IPage> SignedInCheckIn(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Officer/CheckIn");
        await Site.Login("es").SubmitAsync(page, Officer, PuenteServer.DemoPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registro de pases", Level = 1 })).ToBeVisibleAsync();
        return page;
    }
}
