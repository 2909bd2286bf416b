using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Hosting;

/// <summary>Pages load over slow, metered mobile data at the border: the HTML stays small.</summary>
public sealed class PageWeightTests(BrowserFixture fixture)
{
    /// <summary>Bytes on the wire: what a phone on metered data downloads.</summary>
    private const int Budget = 30 * 1024;

    /// <summary>The page once opened: what a cheap phone parses (the register page carries every nationality's name).</summary>
    private const int OpenedBudget = 60 * 1024;

    [Theory]
    [MemberData(nameof(Site.PagesInEveryLanguage), MemberType = typeof(Site))]
    public async Task Html_document_is_under_30_KB_on_the_wire(string path, string language)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(Site.InLanguage(path, language));

        await AssertUnderBudget(response!);
    }

    // The pass's QR code is the heaviest thing Puente sends to a phone.
    [Theory]
    [MemberData(nameof(Site.EveryLanguage), MemberType = typeof(Site))]
    public async Task Appointments_page_with_a_pass_is_under_30_KB_on_the_wire(string language)
    {
        var day = await fixture.DrawnDay;
        await using var context = await fixture.NewContextAsync(day.Server);
        var page = await DrawnDay.SignedInPage(context, DrawnDay.Booked);

        var response = await page.GotoAsync(Site.InLanguage("/Appointments", language));
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Img)).ToHaveCountAsync(1);

        await AssertUnderBudget(response!);
    }

    private static async Task AssertUnderBudget(Microsoft.Playwright.IResponse response)
    {
        var sizes = await response.Request.SizesAsync();
        var opened = (await response.BodyAsync()).Length;
        Assert.InRange(sizes.ResponseBodySize, 1, Budget);
        Assert.InRange(opened, 1, OpenedBudget);
        // The text travels compressed: on the wire it is less than the page.
        Assert.True(sizes.ResponseBodySize < opened, $"{sizes.ResponseBodySize} bytes on the wire for a page of {opened}");
    }
}
