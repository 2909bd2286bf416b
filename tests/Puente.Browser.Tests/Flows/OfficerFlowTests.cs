using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Flows;

/// <summary>An officer at San Ysidro on the morning of a drawn date, with and without a connection.</summary>
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
        var travellers = page.GetByRole(AriaRole.Table, new() { Name = "Viajeros" });
        await Assertions.Expect(travellers.GetByRole(AriaRole.Row, new() { Name = "AN 1991" })).ToBeVisibleAsync();
        await Assertions.Expect(travellers.GetByRole(AriaRole.Row, new() { Name = "ÉP 2014" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar el registro" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrado", Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Texto del pase").FillAsync(pass);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verificar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert))
            .ToHaveTextAsync("Este pase ya se usó en San Ysidro (2504) el 2026-12-01 09:00 (hora local).");
        Assert.Equal("checkedIn", (await day.Appointment(DrawnDay.CheckedInOnline)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Offline_the_pass_is_verified_on_the_device_queued_and_synced_when_the_connection_returns()
    {
        var day = await fixture.DrawnDay;
        var pass = await day.PassText(DrawnDay.CheckedInOffline);
        await using var context = await fixture.NewContextAsync(day.Server);
        var page = await context.NewPageAsync();
        // The script checks the date at the port with the device's clock; the device agrees with the server.
        await page.Clock.SetFixedTimeAsync(DrawnDay.ServiceMorning.UtcDateTime);
        await page.RunAndWaitForResponseAsync(
            () => SignIn(page), response => response.Url.EndsWith("/.well-known/puente-keys.json", StringComparison.Ordinal) && response.Ok);

        await context.SetOfflineAsync(true);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Sin conexión" }))
            .ToHaveTextAsync("Sin conexión: la firma se verifica en este dispositivo.");
        await page.GetByLabel("Texto del pase").FillAsync(pass);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verificar en este dispositivo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Firma válida" }))
            .ToContainTextAsync("Firma válida (verificada en este dispositivo). 2504 · 2026-12-01");
        await Assertions.Expect(page.GetByText("RO · 1985")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar provisionalmente" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Registrado provisionalmente" })).ToBeVisibleAsync();
        var pending = page.GetByRole(AriaRole.List).Filter(new() { HasText = "2504 ·" });
        await Assertions.Expect(pending.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        Assert.Equal("booked", (await day.Appointment(DrawnDay.CheckedInOffline)).GetProperty("status").GetString());

        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Sincronizado" }))
            .ToHaveTextAsync("Sincronizado: el servidor confirmó el registro.");
        await Assertions.Expect(pending.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        Assert.Equal("checkedIn", (await day.Appointment(DrawnDay.CheckedInOffline)).GetProperty("status").GetString());
    }

    private static async Task<IPage> SignedInCheckIn(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await SignIn(page);
        return page;
    }

    private static async Task SignIn(IPage page)
    {
        await page.GotoAsync("/Officer/CheckIn");
        await Site.Login("es").SubmitAsync(page, Officer, PuenteServer.DemoPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registro de pases", Level = 1 })).ToBeVisibleAsync();
    }
}
