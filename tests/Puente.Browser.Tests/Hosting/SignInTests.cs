using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Hosting;

public sealed class SignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_demo_account_signs_in_through_the_form_and_signs_out()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Iniciar sesión" }).ClickAsync();
        await Site.Login("es").SubmitAsync(page, "applicant@puente.test", PuenteServer.DemoPassword);

        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" });
        await Assertions.Expect(signOut).ToBeVisibleAsync();

        await signOut.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Iniciar sesión" })).ToBeVisibleAsync();
        await Assertions.Expect(signOut).ToHaveCountAsync(0);
    }

    // Regression: the combined bearer-and-cookie scheme challenged pages with a bare 401 ("something went wrong").
    [Fact]
    public async Task A_signed_out_visitor_to_a_signed_in_page_is_sent_to_sign_in_and_back()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Appointments");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Iniciar sesión", Level = 1 })).ToBeVisibleAsync();
        await Site.Login("es").SubmitAsync(page, "applicant@puente.test", PuenteServer.DemoPassword);

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Server.Address, "/Appointments").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mis citas", Level = 1 })).ToBeVisibleAsync();
    }

    // A different account per language: failed attempts count towards lockout.
    [Theory]
    [InlineData("es", "analyst@puente.test", "El correo o la contraseña no son correctos.")]
    [InlineData("en", "supervisor@puente.test", "The email or password is not correct.")]
    [InlineData("ht", "caseworker.losangeles@puente.test", "Imèl la oswa modpas la pa kòrèk.")]
    public async Task A_wrong_password_shows_the_error_in_the_page_language(string language, string email, string error)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Site.InLanguage("/Account/Login", language));
        var form = Site.Login(language);
        await form.SubmitAsync(page, email, "not-the-password");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(error);
        await Assertions.Expect(page.GetByLabel(form.Email, new() { Exact = true })).ToHaveValueAsync(email);
    }
}
