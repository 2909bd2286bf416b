using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;

namespace Puente.Api.Tests.Pathways.Registration;

public sealed partial class RecoverAccessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recovering_answers_the_same_for_unknown_and_known_accounts_and_the_code_sets_a_new_password()
    {
        await using var app = new PuenteApp();
        await new PathwaysDriver(app).Register("familia@puente.test");
        // Later than the registration's code, so the newest message is the recovery code.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var known = await Ask(app, "familia@puente.test");
        var unknown = await Ask(app, "nadie@puente.test");

        Assert.Equal(Comparable(unknown), Comparable(known));
        Assert.Contains("Type it below with your new password.", known, StringComparison.Ordinal);
        Assert.Equal(1, await Messages(app, "familia@puente.test", "Su código para recuperar el acceso a Puente"));
        Assert.Equal(0, await Messages(app, "nadie@puente.test", null));

        var pages = app.CreateClient();
        var form = await pages.GetStringAsync("/Account/Recover?lang=en", Ct);
        var wrong = await (await PageForms.Post(pages, "/Account/Recover?handler=Reset&lang=en", form, new Dictionary<string, string>
        {
            ["Contact"] = "familia@puente.test", ["Code"] = "000000", ["Password"] = "Otra-clave-2026!",
        })).Content.ReadAsStringAsync(Ct);
        Assert.Contains("The code is not valid or has expired.", wrong, StringComparison.Ordinal);
        var strangers = await (await PageForms.Post(pages, "/Account/Recover?handler=Reset&lang=en", form, new Dictionary<string, string>
        {
            ["Contact"] = "nadie@puente.test", ["Code"] = "000000", ["Password"] = "Otra-clave-2026!",
        })).Content.ReadAsStringAsync(Ct);
        Assert.Contains("The code is not valid or has expired.", strangers, StringComparison.Ordinal);

        var code = await app.LatestCode("familia@puente.test");
        var weak = await (await PageForms.Post(pages, "/Account/Recover?handler=Reset&lang=en", form, new Dictionary<string, string>
        {
            ["Contact"] = "familia@puente.test", ["Code"] = code, ["Password"] = "short",
        })).Content.ReadAsStringAsync(Ct);
        Assert.Contains("class=\"error\"", weak, StringComparison.Ordinal);
        await PageForms.SignIn(app, "familia@puente.test", password: PathwaysDriver.Password);

        var done = await (await PageForms.Post(pages, "/Account/Recover?handler=Reset&lang=en", form, new Dictionary<string, string>
        {
            ["Contact"] = "familia@puente.test", ["Code"] = code, ["Password"] = "Otra-clave-2026!",
        })).Content.ReadAsStringAsync(Ct);

        Assert.True(done.Contains("Your new password is saved.", StringComparison.Ordinal), Regex.Match(done, "<main.*</main>", RegexOptions.Singleline).Value);
        await PageForms.SignIn(app, "familia@puente.test", password: "Otra-clave-2026!");
        var old = await app.CreateClient().PostAsync("/api/auth/login",
            System.Net.Http.Json.JsonContent.Create(new { email = "familia@puente.test", password = PathwaysDriver.Password }), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        // Used once: the same code does not set a password again.
        var again = await (await PageForms.Post(pages, "/Account/Recover?handler=Reset&lang=en", form, new Dictionary<string, string>
        {
            ["Contact"] = "familia@puente.test", ["Code"] = code, ["Password"] = "Tercera-clave-2026!",
        })).Content.ReadAsStringAsync(Ct);
        Assert.Contains("The code is not valid or has expired.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_register_and_recover_link_to_each_other_and_a_visitor_asking_for_an_appointment_is_offered_both()
    {
        await using var app = new PuenteApp();
        var client = app.CreateClient();

        var login = await client.GetStringAsync("/Account/Login?lang=en", Ct);
        Assert.Contains("href=\"/Apply/Register\"", login, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/Recover\"", login, StringComparison.Ordinal);
        var register = await client.GetStringAsync("/Apply/Register?lang=en", Ct);
        Assert.Contains("href=\"/Account/Login?returnUrl=%2FApply\"", register, StringComparison.Ordinal);
        var recover = await client.GetStringAsync("/Account/Recover?lang=en", Ct);
        Assert.Contains("href=\"/Account/Login\"", recover, StringComparison.Ordinal);
        Assert.Contains("href=\"/Apply/Register\"", recover, StringComparison.Ordinal);

        var home = await client.GetStringAsync("/?lang=en", Ct);
        Assert.Contains("href=\"/Apply/Start\"", home, StringComparison.Ordinal);
        var start = await client.GetStringAsync("/Apply/Start?lang=en", Ct);
        Assert.Contains("href=\"/Apply/Register\"", start, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/Login?returnUrl=%2FApply\"", start, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "Qué puede hacer")]
    [InlineData("en", "What you can do")]
    [InlineData("ht", "Sa ou ka fè")]
    public async Task The_403_and_404_pages_say_what_to_do_next_and_link_onward(string language, string heading)
    {
        await using var app = new PuenteApp();
        var applicant = await PageForms.SignIn(app, Bookings.Applicant, browserLanguage: language);

        var denied = await applicant.GetAsync($"/Officer/CheckIn?lang={language}", Ct);
        var deniedPage = await denied.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains(heading, deniedPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/Login\"", deniedPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/Appointments\"", deniedPage, StringComparison.Ordinal);

        var missing = await app.CreateClient().GetAsync($"/no-such-page?lang={language}", Ct);
        var missingPage = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains(heading, missingPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/Apply/Start\"", missingPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/Ports\"", missingPage, StringComparison.Ordinal);
    }

    private static async Task<string> Ask(PuenteApp app, string contact)
    {
        var client = app.CreateClient();
        var form = await client.GetStringAsync("/Account/Recover?lang=en", Ct);
        var response = await PageForms.Post(client, "/Account/Recover?lang=en", form, new Dictionary<string, string> { ["Contact"] = contact });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The page without what differs on every request anyway (antiforgery tokens) and the contact typed back.</summary>
    private static string Comparable(string page) =>
        Antiforgery().Replace(page, "").Replace("familia@puente.test", "", StringComparison.Ordinal).Replace("nadie@puente.test", "", StringComparison.Ordinal);

    private static async Task<int> Messages(PuenteApp app, string contact, string? subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var bodies = await db.Outbox.Where(m => m.Recipient == contact).Select(m => m.Subject).ToListAsync(Ct);
        return bodies.Count(s => subject is null || s == subject);
    }

    [GeneratedRegex("value=\"CfDJ[^\"]+\"")]
    private static partial Regex Antiforgery();
}
