using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Hosting;

/// <summary>
/// A cheap phone, 320 and 390 CSS pixels wide, without JavaScript: the public pages, the applicant's and
/// the officer's pages on the drawn day fit the screen (nothing scrolls sideways) in every language, and
/// pass the axe scan at that width (the scan itself needs script, so it runs from a second context).
/// </summary>
public sealed class NarrowScreenTests(BrowserFixture fixture)
{
    private static readonly (string Account, string[] Paths)[] Walk =
    [
        ("", ["/", "/Ports", "/Ports/2504", "/Draws", "/Draws/2026-12-01", "/Apply/Start", "/Apply/Register", "/Account/Login", "/Account/Recover"]),
        (DrawnDay.Booked, ["/Apply", "/Apply/Travellers", "/Appointments"]),
        (DrawnDay.Officer, ["/Officer/CheckIn"]),
    ];

    public static TheoryData<int, string> WidthsAndLanguages()
    {
        var data = new TheoryData<int, string>();
        foreach (var width in new[] { 320, 390 })
        {
            foreach (var language in Site.Languages)
            {
                data.Add(width, language);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WidthsAndLanguages))]
    public async Task Every_page_of_the_path_fits_a_phone_without_javascript_and_passes_axe(int width, string language)
    {
        var day = await fixture.DrawnDay;
        var screens = Environment.GetEnvironmentVariable("PUENTE_SCREENSHOTS");
        foreach (var (account, paths) in Walk)
        {
            await using var noScript = await fixture.NewContextAsync(day.Server, javaScript: false, phoneWidth: width);
            await using var scanning = await fixture.NewContextAsync(day.Server, phoneWidth: width);
            var page = await DrawnDay.SignedInPage(noScript, account);
            var scan = await DrawnDay.SignedInPage(scanning, account);
            foreach (var path in paths)
            {
                await page.GotoAsync(Site.InLanguage(path, language));
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                var (scrollWidth, innerWidth) = await Widths(page);
                Assert.True(scrollWidth <= innerWidth, $"{path} ({language}) is {scrollWidth} px wide on a {innerWidth} px screen");

                await scan.GotoAsync(Site.InLanguage(path, language));
                await AccessibilityTests.AssertNoBlockingViolations(scan);

                if (screens is not null && width == 390 && language == "es")
                {
                    await Screenshots(page, screens, path);
                }
            }
        }
    }

    /// <summary>
    /// The officer's menu, the longest (check-in, sign out and the public pages), stays within two lines
    /// of a phone's screen in every language, without JavaScript; every item stays reachable.
    /// </summary>
    [Theory]
    [InlineData(320)]
    [InlineData(390)]
    public async Task The_officers_menu_takes_at_most_two_lines_on_a_phone(int width)
    {
        var day = await fixture.DrawnDay;
        await using var context = await fixture.NewContextAsync(day.Server, javaScript: false, phoneWidth: width);
        var page = await DrawnDay.SignedInPage(context, DrawnDay.Officer);
        foreach (var language in Site.Languages)
        {
            await page.GotoAsync(Site.InLanguage("/Officer/CheckIn", language));
            var lines = await page.EvaluateAsync<int>(
                "() => new Set([...document.querySelectorAll('header.site nav:not(.languages) > ul > li')].map(li => Math.round(li.getBoundingClientRect().top))).size");
            Assert.True(lines <= 2, $"the officer's menu takes {lines} lines at {width} px in {language}");
            await Assertions.Expect(page.Locator("header.site").GetByRole(AriaRole.Link, new() { Name = language switch { "en" => "Port check-in", "ht" => "Anrejistreman nan pò a", _ => "Registro en el puerto" } })).ToBeVisibleAsync();
            var (scrollWidth, innerWidth) = await Widths(page);
            Assert.True(scrollWidth <= innerWidth, $"the check-in page is {scrollWidth} px wide on a {innerWidth} px screen in {language}");
        }
    }

    /// <summary>
    /// For a person comparing layouts (not for the check): PUENTE_SCREENSHOTS names a folder outside the
    /// repository; PUENTE_SCREENSHOTS_OLD_CSS, an earlier site.css to shoot the same page with as "before".
    /// </summary>
    private static async Task Screenshots(IPage page, string folder, string path)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"after-{Name(path)}-390.png"), FullPage = true });
        if (Environment.GetEnvironmentVariable("PUENTE_SCREENSHOTS_OLD_CSS") is { } oldCss)
        {
            await page.RouteAsync("**/css/site.css*", route => route.FulfillAsync(new() { ContentType = "text/css", Path = oldCss }));
            await page.ReloadAsync();
            var (before, _) = await Widths(page);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"before-{Name(path)}-390-{before}px.png"), FullPage = true });
            await page.UnrouteAsync("**/css/site.css*");
        }
    }

    private static async Task<(int Scroll, int Inner)> Widths(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    private static string Name(string path) => path.Trim('/').Replace('/', '-') is { Length: > 0 } name ? name : "home";
}
