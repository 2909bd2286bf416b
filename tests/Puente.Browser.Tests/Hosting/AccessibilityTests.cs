using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
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

    /// <summary>WCAG 2.2 AA as axe tests it: every violation fails, whatever its impact.</summary>
    internal static async Task AssertWcag22AA(IPage page, string step)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(results.Violations.Length == 0, $"{step}: {page.Url}{Environment.NewLine}" + string.Join(Environment.NewLine, results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    internal static async Task AssertNoBlockingViolations(IPage page)
    {
        var results = await page.RunAxe();
        var blocking = results.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"{page.Url}{Environment.NewLine}" + string.Join(Environment.NewLine, blocking.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
