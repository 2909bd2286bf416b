using System.Net;
using Puente.Api.Tests.Infrastructure;

using Puente.Api.Tests.Accounts;
using Puente.Api.Tests.Ports;

namespace Puente.Api.Tests.Hosting;

public sealed class PagesTests
{
    [Theory]
    [InlineData("es", "movilidad ordenada")]
    [InlineData("en", "orderly mobility")]
    [InlineData("ht", "deplasman ann òd")]
    public async Task The_home_page_speaks_the_requested_language(string language, string expected)
    {
        await using var app = new PuenteApp();
        var html = await app.CreateClient().GetStringAsync($"/?lang={language}", TestContext.Current.CancellationToken);

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spanish_is_the_default_language()
    {
        await using var app = new PuenteApp();
        var html = await app.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_browser_language_is_honoured_when_nothing_was_chosen()
    {
        await using var app = new PuenteApp();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ht");
        var html = await client.GetStringAsync("/Ports", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"ht\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Ports")]
    [InlineData("/Ports/2504")]
    [InlineData("/Ports/2504/Waits")]
    [InlineData("/Ports/2504/Flows")]
    [InlineData("/Account/Login")]
    [InlineData("/opendata")]
    public async Task Pages_carry_a_strict_content_security_policy_and_stay_small(string path)
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("nosniff", string.Join(";", response.Headers.GetValues("X-Content-Type-Options")), StringComparison.Ordinal);
        Assert.True(body.Length < 30 * 1024, $"{path} is {body.Length} bytes");
    }

    [Fact]
    public async Task The_port_page_lists_the_crossings_of_San_Ysidro()
    {
        await using var app = new PuenteApp();
        var html = await app.CreateClient().GetStringAsync("/Ports/2504?lang=en", TestContext.Current.CancellationToken);
        Assert.Contains("250407", html, StringComparison.Ordinal);
        Assert.Contains("pedestrian", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_port_page_is_a_translated_404()
    {
        await using var app = new PuenteApp();
        var response = await app.CreateClient().GetAsync("/Ports/0000?lang=en", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }
}
