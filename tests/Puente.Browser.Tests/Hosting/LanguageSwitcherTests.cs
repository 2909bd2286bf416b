using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Hosting;

public sealed class LanguageSwitcherTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Chosen_language_stays_while_browsing_and_can_change_again()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var html = page.Locator("html");

        await page.GotoAsync("/");
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "es");

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }))
            .ToHaveAttributeAsync("aria-current", "true");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })
            .GetByRole(AriaRole.Link, new() { Name = "Ports of entry" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Server.Address, "/Ports").ToString());
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Ports of entry between Mexico and the United States");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kreyòl ayisyen", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Server.Address, "/Ports").ToString());
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "ht");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Pò antre ant Meksik ak Etazini");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigasyon prensipal" })
            .GetByRole(AriaRole.Link, new() { Name = "Akèy" }).ClickAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "ht");
    }
}
