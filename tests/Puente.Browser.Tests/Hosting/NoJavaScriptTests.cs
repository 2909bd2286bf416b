using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Hosting;

/// <summary>People at the border often have old phones and thin data plans: every page must work as plain HTML.</summary>
public sealed class NoJavaScriptTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_JavaScript_a_person_can_browse_to_a_port_and_switch_language()
    {
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Puertos de entrada" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "San Ysidro", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Server.Address, "/Ports/2504").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "250407", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Server.Address, "/Ports/2504").ToString());
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "250407", Exact = true })).ToBeVisibleAsync();
    }
}
