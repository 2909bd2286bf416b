using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Pages;

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

        var results = await page.RunAxe();

        var blocking = results.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
