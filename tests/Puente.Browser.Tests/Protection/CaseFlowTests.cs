using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Puente.Browser.Tests.Hosting;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Protection;

/// <summary>A Los Angeles caseworker takes a case from intake to closure with the pages' own forms.</summary>
public sealed partial class CaseFlowTests(BrowserFixture fixture)
{
    private const string Caseworker = "caseworker.losangeles@puente.test";

    [Fact]
    public async Task A_caseworker_takes_a_case_from_intake_to_closure_and_every_page_passes_the_accessibility_scan()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Protection/Intake");
        await Site.Login("es").SubmitAsync(page, Caseworker, PuenteServer.DemoPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Abrir un caso de protección", Level = 1 })).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolations(page);

        await page.GetByLabel("Nombre(s)").FillAsync("Guadalupe");
        await page.GetByLabel("Apellido(s)").FillAsync("Hernández Ríos");
        await page.GetByLabel("Fecha de nacimiento").FillAsync("1979-08-02");
        await page.GetByLabel("Teléfono").FillAsync("+1 213 555 0142");
        await page.GetByLabel("Estado (dos letras)").FillAsync("CA");
        await page.GetByLabel("Código FIPS del condado").FillAsync("06037");
        await page.GetByLabel("Categoría").SelectOptionAsync(new SelectOptionValue { Label = "Laboral" });
        await page.GetByLabel("Subtipo").SelectOptionAsync(new SelectOptionValue { Label = "Salarios no pagados" });
        await page.GetByLabel("Alta").CheckAsync();
        await page.GetByLabel("Relato").FillAsync("Seis semanas sin pago en una empacadora.");
        await page.GetByLabel("La persona (o su familia) consiente").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir el caso" }).ClickAsync();

        var notice = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(notice).ToContainTextAsync("enviado al consulado en Los Angeles");
        var number = CaseNumber().Match(await notice.InnerTextAsync()).Value;
        await AccessibilityTests.AssertNoBlockingViolations(page);

        var row = page.GetByRole(AriaRole.Row, new() { Name = number });
        await Assertions.Expect(row).ToContainTextAsync("G.H.R.");
        await Assertions.Expect(row).Not.ToContainTextAsync("Guadalupe");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Asignármelo" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Guadalupe Hernández Ríos")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolations(page);

        await Step(page, "Iniciar (primer contacto hecho)");
        await page.GetByLabel("Nueva nota").FillAsync("El empleador pagará el viernes.");
        await Step(page, "Agregar la nota");
        await Step(page, "Marcar como resuelto");
        await Step(page, "Cerrar el caso");
        await Assertions.Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Cerrado" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("El empleador pagará el viernes.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reabrir el caso" })).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolations(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Historial" }).ClickAsync();
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Registro de auditoría del caso" });
        await Assertions.Expect(history.GetByRole(AriaRole.Cell, new() { Name = "case.close", Exact = true })).ToBeVisibleAsync();
        Assert.True(await history.GetByRole(AriaRole.Cell, new() { Name = "opened", Exact = true }).CountAsync() >= 5);
        await AccessibilityTests.AssertNoBlockingViolations(page);
    }

    private static async Task Step(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Guardado.");
    }

    [GeneratedRegex("PC-[0-9A-Z]{8}")]
    private static partial Regex CaseNumber();
}
