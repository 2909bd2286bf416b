using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Pathways;

/// <summary>The demo applicant's pass for today, on the living demo day, on a cheap phone without JavaScript.</summary>
public sealed class KeepPassTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_JavaScript_the_pass_downloads_and_cancelling_asks_first_and_keeping_it_loses_nothing()
    {
        await using var context = await fixture.NewContextAsync(fixture.Server, javaScript: false, phoneWidth: 390);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Site.Login("es").SubmitAsync(page, "applicant@puente.test", PuenteServer.DemoPassword);
        await page.GotoAsync("/Appointments");

        var qr = page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Código QR del pase para San Ysidro, martes 1 de diciembre a las ") });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("MG, año de nacimiento 1988")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Descargar el pase para imprimir (PDF)" }).ClickAsync());
        Assert.Equal("puente-pass-2026-12-01-2504.pdf", download.SuggestedFilename);
        var file = await download.PathAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken))[..4]));
        var image = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Descargar el pase como imagen (PNG)" }).ClickAsync());
        Assert.Equal("puente-pass-2026-12-01-2504.png", image.SuggestedFilename);

        await page.GetByRole(AriaRole.Link, new() { Name = "Cancelar esta cita" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "¿Cancelar esta cita?", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("El lugar pasa a otra familia.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No se puede deshacer.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sí, cancelar la cita" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll at 390 px");

        await page.GetByRole(AriaRole.Link, new() { Name = "Conservar mi cita" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Server.Address, "/Appointments").ToString());
        await Assertions.Expect(qr).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cancelar esta cita" })).ToBeVisibleAsync();
    }
}
