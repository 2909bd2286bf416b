using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Hosting;

/// <summary>What a person on a slow phone feels of the plumbing: compressed text, an icon, and caching that fits each page.</summary>
public sealed class ResponseHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_leave_compressed_and_read_the_same_once_opened(string encoding)
    {
        await using var app = new PuenteApp();
        var plain = app.CreateClient();
        var html = await plain.GetStringAsync("/Ports", Ct);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Ports");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await plain.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        var compressed = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(compressed.Length * 3 < System.Text.Encoding.UTF8.GetByteCount(html),
            $"{compressed.Length} compressed bytes for {html.Length} characters");
        await using Stream opened = encoding == "br"
            ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        Assert.Equal(html, await new StreamReader(opened).ReadToEndAsync(Ct));
    }

    [Fact]
    public async Task The_icon_is_an_icon_not_a_not_found_page()
    {
        await using var app = new PuenteApp();
        using var response = await app.CreateClient().GetAsync("/favicon.ico", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, (await response.Content.ReadAsByteArrayAsync(Ct))[..4]);
        var page = await app.CreateClient().GetStringAsync("/", Ct);
        Assert.Contains("rel=\"icon\" href=\"/favicon.ico\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_pages_may_be_cached_a_minute_and_personal_ones_are_never_stored()
    {
        await using var app = new PuenteApp();
        var visitor = app.CreateClient();

        using var ports = await visitor.GetAsync("/Ports", Ct);
        Assert.True(ports.Headers.CacheControl is { Public: true, MaxAge.TotalSeconds: 60 }, ports.Headers.CacheControl?.ToString());
        Assert.Contains("Accept-Language", ports.Headers.Vary);
        Assert.DoesNotContain("__RequestVerificationToken", await ports.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var login = await visitor.GetAsync("/Account/Login", Ct);
        Assert.True(login.Headers.CacheControl?.NoStore, login.Headers.CacheControl?.ToString());

        var officer = await PageForms.SignIn(app, "officer.sanysidro@puente.test");
        using var signedIn = await officer.GetAsync("/Ports", Ct);
        Assert.True(signedIn.Headers.CacheControl is { NoStore: true, Public: false }, signedIn.Headers.CacheControl?.ToString());

        using var missing = await visitor.GetAsync("/no-such-page", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(missing.Headers.CacheControl?.Public ?? false);
    }

    [Fact]
    public async Task A_versioned_file_is_kept_for_a_year_and_the_pass_service_worker_is_always_checked()
    {
        await using var app = new PuenteApp();
        var client = app.CreateClient();

        using var css = await client.GetAsync("/css/site.css?v=1", Ct);
        Assert.True(css.Headers.CacheControl is { Public: true, MaxAge.TotalDays: 365 }, css.Headers.CacheControl?.ToString());
        using var worker = await client.GetAsync("/pass-sw.js", Ct);
        Assert.True(worker.Headers.CacheControl?.NoCache, worker.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_language_links_remember_the_choice_and_return_to_the_page()
    {
        await using var app = new PuenteApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var choose = await client.GetAsync("/Language?culture=ht&returnUrl=%2FPorts%3Flang%3Den", Ct);

        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal("/Ports", choose.Headers.Location?.ToString());
        Assert.Contains(choose.Headers.GetValues("Set-Cookie"), c => c.Contains("c%3Dht", StringComparison.Ordinal));
        using var elsewhere = await client.GetAsync("/Language?culture=ht&returnUrl=https%3A%2F%2Fexample.com%2F", Ct);
        Assert.Equal("/", elsewhere.Headers.Location?.ToString());
    }
}
