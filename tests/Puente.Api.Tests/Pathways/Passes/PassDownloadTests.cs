using System.Net;
using Puente.Api.Tests.Infrastructure;
using SkiaSharp;

namespace Puente.Api.Tests.Pathways.Passes;

public sealed class PassDownloadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_pass_downloads_as_a_png_with_its_qr_code_and_text_and_as_a_pdf_a_reader_opens()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        var pages = await PageForms.SignIn(app, Bookings.Applicant);
        var page = await pages.GetStringAsync("/Appointments?lang=ht", Ct);
        Assert.Contains($"href=\"/api/appointments/{id}/pass.png?lang=ht\" download", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/appointments/{id}/pass.pdf?lang=ht\" download", page, StringComparison.Ordinal);

        var png = await pages.GetAsync($"/api/appointments/{id}/pass.png?lang=en", Ct);
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal("puente-pass-2026-11-29-2504.png", png.Content.Headers.ContentDisposition?.FileNameStar ?? png.Content.Headers.ContentDisposition?.FileName);
        using (var image = SKBitmap.Decode(await png.Content.ReadAsByteArrayAsync(Ct)))
        {
            Assert.NotNull(image);
            // The QR code fills the width and the text runs below it.
            Assert.Equal(720, image.Width);
            Assert.True(image.Height > image.Width, $"{image.Width}×{image.Height}");
            Assert.Equal(SKColors.White, image.GetPixel(2, 2));
        }

        var pdf = await pages.GetAsync($"/api/appointments/{id}/pass.pdf?lang=en", Ct);
        Assert.True(pdf.IsSuccessStatusCode, await pdf.Content.ReadAsStringAsync(Ct));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync(Ct);
        var first = await Poppler.FirstPage(bytes);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, first[..4]);
        var text = await Poppler.Text(bytes);
        Assert.Contains("Puente pass", text, StringComparison.Ordinal);
        Assert.Contains("San Ysidro (2504)", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-29", text, StringComparison.Ordinal);
        Assert.Contains("MG, born 1988", text, StringComparison.Ordinal);
        Assert.Contains(token[..20], text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var spanish = await Poppler.Text(await pages.GetByteArrayAsync($"/api/appointments/{id}/pass.pdf?lang=es", Ct));
        Assert.Contains("Pase de Puente", spanish, StringComparison.Ordinal);
        Assert.Contains("Quiénes viajan", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_applicants_pass_file_is_not_found()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        await Bookings.AddUser(app, "other.applicant@puente.test", Puente.Web.Accounts.Roles.Applicant);
        var other = await app.ClientFor("other.applicant@puente.test");

        await Bookings.AssertProblem(await other.GetAsync($"/api/appointments/{id}/pass.png", Ct), 404);
        await Bookings.AssertProblem(await other.GetAsync($"/api/appointments/{id}/pass.pdf", Ct), 404);
    }

    [Fact]
    public async Task Only_the_pass_page_is_kept_privately_its_text_is_printed_and_read_aloud_and_it_works_offline_with_a_service_worker()
    {
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var pages = await PageForms.SignIn(app, Bookings.Applicant);

        var response = await pages.GetAsync("/Appointments?lang=en", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: false, MaxAge.TotalHours: 24 }, response.Headers.CacheControl?.ToString());
        Assert.Empty(response.Headers.Pragma);
        // Everything else personal stays out of every cache.
        var apply = await pages.GetAsync($"/Appointments/{id}/Cancel", Ct);
        Assert.True(apply.Headers.CacheControl?.NoStore, apply.Headers.CacheControl?.ToString());

        // The pass is real text: who travels, and the token in a block that print always shows.
        Assert.Contains("<li>MG, born 1988</li>", page, StringComparison.Ordinal);
        Assert.Matches(@"<p class=""pass-text""><strong>Pass text \(if the code cannot be read\)</strong></p>\s*<p class=""token"">[A-Za-z0-9_.-]+</p>", page);
        Assert.DoesNotContain("<details", page, StringComparison.Ordinal);
        Assert.Contains("alt=\"QR code of the pass for San Ysidro, Sunday, November 29 at 8:00 AM\"", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/pass-offline.js", page, StringComparison.Ordinal);
        var worker = await app.CreateClient().GetAsync("/pass-sw.js", Ct);
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Contains("caches.open", await worker.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
