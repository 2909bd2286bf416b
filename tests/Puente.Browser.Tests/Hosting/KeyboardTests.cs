using Microsoft.Playwright;
using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Hosting;

public sealed class KeyboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task First_Tab_focuses_the_skip_link_and_Enter_moves_focus_to_the_main_content()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Saltar al contenido" })).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }
}
