using Puente.Browser.Tests.Infrastructure;

namespace Puente.Browser.Tests.Pages;

/// <summary>Pages load over slow, metered mobile data at the border: the HTML stays small.</summary>
public sealed class PageWeightTests(BrowserFixture fixture)
{
    private const int Budget = 30 * 1024;

    [Theory]
    [MemberData(nameof(Site.PagesInEveryLanguage), MemberType = typeof(Site))]
    public async Task Html_document_is_under_30_KB(string path, string language)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(Site.InLanguage(path, language));
        var sizes = await response!.Request.SizesAsync();

        // Bytes on the wire for the body; the decoded body must agree when nothing compresses it.
        Assert.InRange(sizes.ResponseBodySize, 1, Budget);
        Assert.InRange((await response.BodyAsync()).Length, 1, Budget);
    }
}
