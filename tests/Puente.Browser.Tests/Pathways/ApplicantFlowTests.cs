using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Puente.Browser.Tests.Hosting;
using Puente.Browser.Tests.Infrastructure;
using Puente.Web.Pathways.Draws;

namespace Puente.Browser.Tests.Pathways;

/// <summary>One applicant from registration to a pass, on a server of its own because the test moves time.</summary>
public sealed partial class ApplicantFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Applicant_registers_with_a_companion_requests_a_date_and_after_the_draw_holds_a_pass()
    {
        var clock = new FakeTimeProvider(DrawnDay.InsideWindow);
        await using var server = new PuenteServer(clock);
        server.Start();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AnnounceDraw>().Handle(DrawnDay.ServiceDate, TestContext.Current.CancellationToken);
        }
        // A cheap phone's viewport, without JavaScript: the forms alone carry the whole path.
        await using var context = await fixture.NewContextAsync(server, javaScript: false, phoneWidth: 390);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Apply/Register");
        var account = page.GetByRole(AriaRole.Group, new() { Name = "Su cuenta" });
        await account.GetByLabel("Correo electrónico").FillAsync("jose.maria@puente.test");
        await account.GetByLabel("Contraseña").FillAsync(DrawnDay.Password);
        var you = page.GetByRole(AriaRole.Group, new() { Name = "Sus datos (como aparecen en su documento)" });
        await you.GetByLabel("Nombre(s)").FillAsync("José María");
        await you.GetByLabel("Apellido(s)").FillAsync("Pérez O'Neil");
        await you.GetByLabel("Fecha de nacimiento").FillAsync("1987-06-15");
        await you.GetByLabel("Nacionalidad").FillAsync("MEX");
        await you.GetByLabel("Tipo de documento").SelectOptionAsync(new SelectOptionValue { Label = "Pasaporte" });
        await you.GetByLabel("País que lo emitió").FillAsync("MEX");
        await you.GetByLabel("Número del documento").FillAsync("G 1234 5678");
        await you.GetByLabel("Foto").SetInputFilesAsync(Photo("jose-maria.png"));
        // A closed <details> has no role Playwright can name; its summary is reached by its visible text.
        await page.GetByText("Acompañante 1", new() { Exact = true }).First.ClickAsync();
        var companion = page.GetByRole(AriaRole.Group, new() { Name = "Acompañante 1", Exact = true });
        await companion.GetByLabel("Nombre(s)").FillAsync("Itzel");
        await companion.GetByLabel("Apellido(s)").FillAsync("Pérez Ñañez");
        await companion.GetByLabel("Fecha de nacimiento").FillAsync("2016-09-01");
        await companion.GetByLabel("Nacionalidad").FillAsync("MEX");
        await companion.GetByLabel("Foto").SetInputFilesAsync(Photo("itzel.png"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrarme" }).ClickAsync();

        // The code arrives through the outbox; until it is typed, no request can be made.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verifique su contacto" })).ToBeVisibleAsync();
        await AssertVerifyPageAccessible(context, server);
        await page.GetByLabel("Código").FillAsync(await server.LatestCode("jose.maria@puente.test"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verificar", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Apply$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mis citas y solicitudes" })).ToBeVisibleAsync();
        var request = page.GetByRole(AriaRole.Group, new() { Name = "Cita para el martes 1 de diciembre", Exact = false });
        await request.GetByLabel("Puerto, opción 1").SelectOptionAsync(new SelectOptionValue { Label = "San Ysidro (2504)" });
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "José María Pérez O'Neil (fecha de nacimiento: 15 de junio de 1987)" })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Itzel Pérez Ñañez (fecha de nacimiento: 1 de septiembre de 2016)" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitud" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Comprobante de solicitud" })).ToBeVisibleAsync();
        var checkDraw = page.GetByRole(AriaRole.Link, new() { Name = "Comprobar en el sorteo" });
        var ticket = TicketInLink().Match(await checkDraw.GetAttributeAsync("href") ?? "").Groups[1].Value;
        Assert.NotEmpty(ticket);
        // Shown in groups of four, as it is read aloud or copied from paper.
        var grouped = string.Join('-', ticket.Chunk(4).Select(g => new string(g)));
        await Assertions.Expect(page.GetByText("Boleto: " + grouped)).ToBeVisibleAsync();

        clock.SetUtcNow(DrawnDay.AfterClose);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            Assert.Equal(new RunDraw.Drawn(DrawnDay.ServiceDate, RanNow: true),
                await scope.ServiceProvider.GetRequiredService<RunDraw>().Handle(DrawnDay.ServiceDate, TestContext.Current.CancellationToken));
        }

        // The cookie is still fresh (a day of a fourteen-day sliding lifetime), so no second sign-in.
        await page.GotoAsync("/Appointments");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mis citas", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex(@"^Código QR del pase para San Ysidro, martes 1 de diciembre a las \d{1,2}:\d\d [ap]\. m\.$") }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("JP, año de nacimiento 1987")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("IP, año de nacimiento 2016")).ToBeVisibleAsync();
        await page.GetByText("Texto del pase (si no se puede leer el código)").ClickAsync();
        await Assertions.Expect(page.GetByText(PassToken())).ToBeVisibleAsync();
        var pass = (await page.GetByText(PassToken()).TextContentAsync())!.Trim();

        await page.GotoAsync($"/Draws/2026-12-01?ticket={grouped.ToLowerInvariant()}");
        await Assertions.Expect(page.GetByRole(AriaRole.Status))
            .ToContainTextAsync(new Regex($@"El boleto {Regex.Escape(grouped)} fue seleccionado: San Ysidro \(2504\), a las \d{{1,2}}:\d\d [ap]\. m\."));

        // The morning of the date at San Ysidro: the officer reads the pass and sees the family as registered.
        clock.SetUtcNow(DrawnDay.ServiceMorning);
        await using var booth = await fixture.NewContextAsync(server);
        var officer = await DrawnDay.SignedInPage(booth, DrawnDay.Officer);
        await officer.GotoAsync("/Officer/CheckIn");
        await officer.GetByLabel("Texto del pase").FillAsync(pass);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Verificar", Exact = true }).ClickAsync();
        var manifest = officer.GetByRole(AriaRole.Table, new() { Name = "Quiénes viajan (según su registro)" });
        var applicant = manifest.GetByRole(AriaRole.Row).Filter(new() { HasText = "José María Pérez O'Neil" });
        await Assertions.Expect(applicant).ToContainTextAsync("1987-06-15");
        await Assertions.Expect(applicant).ToContainTextAsync("Pasaporte (MEX) que termina en 5678");
        await Assertions.Expect(applicant.GetByRole(AriaRole.Img, new() { Name = "Foto de José María Pérez O'Neil" })).ToBeVisibleAsync();
        await Assertions.Expect(manifest.GetByRole(AriaRole.Row).Filter(new() { HasText = "Itzel Pérez Ñañez" })
            .GetByRole(AriaRole.Img, new() { Name = "Foto de Itzel Pérez Ñañez" })).ToBeVisibleAsync();
        Assert.True(await applicant.GetByRole(AriaRole.Img).EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the photo loads");
        await AccessibilityTests.AssertNoBlockingViolations(officer);

        await officer.GetByRole(AriaRole.Checkbox, new() { Name = "José María Pérez O'Neil está presente" }).CheckAsync();
        await officer.GetByRole(AriaRole.Checkbox, new() { Name = "Itzel Pérez Ñañez está presente" }).CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Confirmar el registro" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Registrado", Exact = true })).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoBlockingViolations(officer);
    }

    /// <summary>The axe scan needs script, so the verify page is scanned in each language from a second
    /// context holding the same (still unverified) session.</summary>
    private async Task AssertVerifyPageAccessible(IBrowserContext noScript, PuenteServer server)
    {
        await using var scanning = await fixture.NewContextAsync(server, phoneWidth: 390);
        await scanning.AddCookiesAsync((await noScript.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var page = await scanning.NewPageAsync();
        foreach (var language in Site.Languages)
        {
            await page.GotoAsync(Site.InLanguage("/Apply/Verify", language));
            await Assertions.Expect(page.GetByLabel(language switch { "en" => "Code", "ht" => "Kòd", _ => "Código" })).ToBeVisibleAsync();
            await AccessibilityTests.AssertNoBlockingViolations(page);
        }
    }

    /// <summary>A photo as a phone would send it (here a small PNG).</summary>
    private static FilePayload Photo(string name)
    {
        using var bitmap = new SkiaSharp.SKBitmap(120, 160);
        bitmap.Erase(SkiaSharp.SKColors.SaddleBrown);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return new FilePayload { Name = name, MimeType = "image/png", Buffer = png.ToArray() };
    }

    [GeneratedRegex(@"[?&]ticket=([^&]+)")]
    private static partial Regex TicketInLink();

    [GeneratedRegex(@"^[\w-]+\.[\w-]+\.[\w-]+$")]
    private static partial Regex PassToken();
}
