using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Hosting;

public sealed class AccessibilityTests(BrowserFixture fixture)
{
    // Minor and moderate findings are worth reading, but only these block people outright.
    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [MemberData(nameof(Site.PagesInEveryLanguage), MemberType = typeof(Site))]
    public async Task Page_has_no_serious_or_critical_axe_violations(string path, string language)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Site.InLanguage(path, language));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);

        await AssertNoBlockingViolations(page);
    }

    // Signed-in pages with content: an open date, a pass, a drawn date with a ticket's result.
    [Theory]
    [MemberData(nameof(Site.DrawnDayPagesInEveryLanguage), MemberType = typeof(Site))]
    public async Task Page_on_a_drawn_day_has_no_serious_or_critical_axe_violations(string path, string account, string language)
    {
        var day = await fixture.DrawnDay;
        await using var context = await fixture.NewContextAsync(day.Server);
        var page = await DrawnDay.SignedInPage(context, account);
        if (path.StartsWith("/Draws/", StringComparison.Ordinal))
        {
            // The ticket check's result is part of the page too.
            path += "?ticket=" + (await day.Appointment(DrawnDay.Booked)).GetProperty("ticket").GetString();
        }
        await page.GotoAsync(Site.InLanguage(path, language));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);

        await AssertNoBlockingViolations(page);
    }

    // The error message and the signed-in header only exist after a form post, out of reach of the page list.
    [Theory]
    [MemberData(nameof(Site.EveryLanguage), MemberType = typeof(Site))]
    public async Task Login_error_and_signed_in_header_have_no_serious_or_critical_axe_violations(string language)
    {
        await using var context = await fixture.NewContextAsync(locale: language);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        var form = Site.Login(language);

        // An address with no account: a failed attempt that counts against nobody's lockout.
        await form.SubmitAsync(page, "nobody@puente.test", "not-the-password");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertNoBlockingViolations(page);

        await form.SubmitAsync(page, "officer.sanysidro@puente.test", PuenteServer.DemoPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Server.Address, "/").ToString());
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await AssertNoBlockingViolations(page);
    }

    // The scan itself: a page with known faults fails it, and a page it cannot see whole is refused.
    [Fact]
    public async Task The_scan_finds_a_missing_alternative_and_low_contrast_and_refuses_frames()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        // A blank page, not one of Puente's: their policy would refuse the inline style that makes the low contrast.
        await page.SetContentAsync("""
            <html lang="es"><head><title>Prueba</title></head><body><main><h1>Prueba</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#aaa;background:#bbb">Texto difícil de leer</p>
            </main></body></html>
            """);

        Assert.Equal(["color-contrast", "image-alt"], (await Axe.Scan(page)).Select(v => v.Id).Order());
        Assert.Equal(["color-contrast", "image-alt"], (await Axe.Scan(page, ["wcag2a", "wcag2aa"])).Select(v => v.Id).Order());
        var failed = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => AssertWcag22AA(page, "known faults"));
        Assert.Contains("image-alt (critical)", failed.Message, StringComparison.Ordinal);

        await page.SetContentAsync("""<html lang="es"><head><title>Prueba</title></head><body><main><h1>Prueba</h1><iframe title="otra" srcdoc="<img src=x>"></iframe></main></body></html>""");
        var refused = await Assert.ThrowsAsync<PlaywrightException>(() => Axe.Scan(page));
        Assert.Contains("frame", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>WCAG 2.2 AA as axe tests it: every violation fails, whatever its impact.</summary>
    internal static async Task AssertWcag22AA(IPage page, string step)
    {
        var violations = await Axe.Scan(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
        Assert.True(violations.Count == 0, $"{step}: {page.Url}{Environment.NewLine}" + string.Join(Environment.NewLine, violations));
    }

    internal static async Task AssertNoBlockingViolations(IPage page)
    {
        var blocking = (await Axe.Scan(page)).Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"{page.Url}{Environment.NewLine}" + string.Join(Environment.NewLine, blocking));
    }
}
