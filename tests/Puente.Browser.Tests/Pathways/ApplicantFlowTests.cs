using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Puente.Browser.Tests.Hosting;
using Puente.Browser.Tests.Infrastructure;
using Puente.Domain.Pathways.Requests;
using Puente.Web;
using Puente.Web.Pathways.Draws;

namespace Puente.Browser.Tests.Pathways;

/// <summary>
/// The whole path of issue 13 on a cheap phone without JavaScript, in each language at 320 and 390 px:
/// register with a companion → verify with the code from the outbox → request a date → (the draw) → the
/// pass downloaded as PNG and PDF → the pass page opened again with the network cut → the officer checks
/// the family in. Every page on the way fits the screen and passes axe at WCAG 2.2 AA with no violation of
/// any impact. A server of its own per run, because the test moves time.
/// </summary>
public sealed partial class ApplicantFlowTests(BrowserFixture fixture)
{
    public static TheoryData<string, int> LanguagesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var language in Site.Languages)
        {
            foreach (var width in new[] { 320, 390 })
            {
                data.Add(language, width);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LanguagesAndWidths))]
    public async Task Applicant_registers_requests_keeps_the_pass_offline_and_is_checked_in_on_a_phone_without_javascript(string language, int width)
    {
        var clock = new FakeTimeProvider(DrawnDay.InsideWindow);
        await using var server = new PuenteServer(clock);
        server.Start();
        var words = new Words(server, language);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AnnounceDraw>().Handle(DrawnDay.ServiceDate, TestContext.Current.CancellationToken);
        }
        // A phone set to the language (Creole phones often say ht-HT), without JavaScript: the forms alone carry the path.
        await using var context = await fixture.NewContextAsync(server, javaScript: false, locale: Locale(language), phoneWidth: width);
        var page = await context.NewPageAsync();
        // axe needs script, and a page without script never finishes its run: each page is scanned as the
        // HTML the phone holds, put into a page of a second, scripted context as wide.
        await using var scanning = await fixture.NewContextAsync(server, locale: Locale(language), phoneWidth: width);
        var scan = await scanning.NewPageAsync();
        await scan.GotoAsync("/Error?code=404");
        Task AssertFitsAndPassesAxe(IPage shown, string step) => AssertFitsAndPassesAxeAsScanned(shown, scan, step);

        await page.GotoAsync("/Apply/Register");
        await AssertFitsAndPassesAxe(page, "register");
        var account = page.GetByRole(AriaRole.Group, new() { Name = words["Register_Account"] });
        await account.GetByLabel(words["Login_Email"], new() { Exact = true }).FillAsync("jose.maria@puente.test");
        await account.GetByLabel(words["Login_Password"], new() { Exact = true }).FillAsync(DrawnDay.Password);
        var you = page.GetByRole(AriaRole.Group, new() { Name = words["Register_You"] });
        await you.GetByLabel(words["Register_GivenNames"], new() { Exact = true }).FillAsync("José María");
        await you.GetByLabel(words["Register_FamilyNames"], new() { Exact = true }).FillAsync("Pérez O'Neil");
        await you.GetByLabel(words["Register_BirthDate"], new() { Exact = true }).FillAsync("1987-06-15");
        await you.GetByLabel(words["Register_Nationality"], new() { Exact = true }).FillAsync("MEX");
        await you.GetByLabel(words["Register_DocumentType"], new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "passport" });
        await you.GetByLabel(words["Register_DocumentCountry"], new() { Exact = true }).FillAsync("MEX");
        await you.GetByLabel(words["Register_DocumentNumber"], new() { Exact = true }).FillAsync("G 1234 5678");
        await you.GetByLabel(words["Register_Photo"], new() { Exact = true }).SetInputFilesAsync(Photo("jose-maria.png"));
        // A closed <details> has no role Playwright can name; its summary is reached by its visible text.
        var companionTitle = words["Register_Companion", 1];
        await page.GetByText(companionTitle, new() { Exact = true }).First.ClickAsync();
        var companion = page.GetByRole(AriaRole.Group, new() { Name = companionTitle, Exact = true });
        await companion.GetByLabel(words["Register_GivenNames"], new() { Exact = true }).FillAsync("Itzel");
        await companion.GetByLabel(words["Register_FamilyNames"], new() { Exact = true }).FillAsync("Pérez Ñañez");
        await companion.GetByLabel(words["Register_BirthDate"], new() { Exact = true }).FillAsync("2016-09-01");
        await companion.GetByLabel(words["Register_Nationality"], new() { Exact = true }).FillAsync("MEX");
        await companion.GetByLabel(words["Register_Photo"], new() { Exact = true }).SetInputFilesAsync(Photo("itzel.png"));
        await page.GetByRole(AriaRole.Button, new() { Name = words["Register_Submit"] }).ClickAsync();

        // The code arrives through the outbox; until it is typed, no request can be made.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = words["Verify_Title"], Level = 1 })).ToBeVisibleAsync();
        await AssertFitsAndPassesAxe(page, "verify");
        await page.GetByLabel(words["Verify_Code"], new() { Exact = true }).FillAsync(await server.LatestCode("jose.maria@puente.test"));
        await page.GetByRole(AriaRole.Button, new() { Name = words["Verify_Submit"], Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Apply$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = words["Apply_Title"], Level = 1 })).ToBeVisibleAsync();
        await AssertFitsAndPassesAxe(page, "apply");
        await page.GetByLabel(words["Apply_PortChoice", 1], new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "2504" });
        // Both registered people are ticked already.
        Assert.Equal(2, await page.Locator("input[type=checkbox][name=TravellerIds]:checked").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = words["Apply_Submit"] }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = words["Receipt_Title"], Level = 1 })).ToBeVisibleAsync();
        await AssertFitsAndPassesAxe(page, "receipt");
        var checkDraw = page.GetByRole(AriaRole.Link, new() { Name = words["Receipt_CheckDraw"] });
        var ticket = TicketInLink().Match(await checkDraw.GetAttributeAsync("href") ?? "").Groups[1].Value;
        Assert.Matches(NewTicket(), ticket);
        // Shown in groups of four, as it is read aloud or copied from paper.
        var grouped = TicketCode.Display(ticket);
        await Assertions.Expect(page.Locator(".ticket")).ToHaveTextAsync(words["Receipt_Ticket"] + " " + grouped);

        clock.SetUtcNow(DrawnDay.AfterClose);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            Assert.Equal(new RunDraw.Drawn(DrawnDay.ServiceDate, RanNow: true),
                await scope.ServiceProvider.GetRequiredService<RunDraw>().Handle(DrawnDay.ServiceDate, TestContext.Current.CancellationToken));
        }

        // The ticket typed as a person copies it from paper: lower case, with its dashes.
        await page.GotoAsync($"/Draws/2026-12-01?ticket={grouped.ToLowerInvariant()}");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(grouped);
        await AssertFitsAndPassesAxe(page, "draw");

        // The cookie is still fresh (a day of a fourteen-day sliding lifetime), so no second sign-in.
        await page.GotoAsync("/Appointments");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = words["Appointments_Title"], Level = 1 })).ToBeVisibleAsync();
        var qr = page.Locator("img.qr");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(words["Pass_Traveller", "JP", 1987])).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(words["Pass_Traveller", "IP", 2016])).ToBeVisibleAsync();
        var pass = (await page.Locator("p.token").TextContentAsync())!.Trim();
        Assert.Matches(PassToken(), pass);
        await AssertFitsAndPassesAxe(page, "pass");

        var png = await Downloaded(page, words["Pass_DownloadPng"]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        using (var image = SkiaSharp.SKBitmap.Decode(png))
        {
            Assert.True(image is { Width: > 0, Height: > 0 }, "the PNG decodes to an image");
        }
        var pdf = await Downloaded(page, words["Pass_DownloadPdf"]);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf[..5]));
        Assert.Contains("%%EOF", System.Text.Encoding.ASCII.GetString(pdf[^32..]), StringComparison.Ordinal);

        // No signal: the pass page comes back from the browser's own cache (private, max-age), without
        // JavaScript and so without any service worker.
        await page.GotoAsync("/Draws");
        await context.SetOfflineAsync(true);
        await page.GotoAsync("/Appointments");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.Equal(pass, (await page.Locator("p.token").TextContentAsync())!.Trim());
        await AssertFitsAndPassesAxe(page, "pass offline");
        await context.SetOfflineAsync(false);

        // The morning of the date at San Ysidro: the officer's phone, as narrow, in the same language.
        clock.SetUtcNow(DrawnDay.ServiceMorning);
        await using var booth = await fixture.NewContextAsync(server, javaScript: false, locale: Locale(language), phoneWidth: width);
        var officer = await booth.NewPageAsync();
        await officer.GotoAsync("/Officer/CheckIn");
        await AssertFitsAndPassesAxe(officer, "officer sign-in");
        await Site.Login(language).SubmitAsync(officer, DrawnDay.Officer, PuenteServer.DemoPassword);
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = words["CheckIn_Title"], Level = 1 })).ToBeVisibleAsync();
        await AssertFitsAndPassesAxe(officer, "check-in");
        await officer.GetByLabel(words["CheckIn_PassLabel"], new() { Exact = true }).FillAsync(pass);
        await officer.GetByRole(AriaRole.Button, new() { Name = words["CheckIn_Verify"], Exact = true }).ClickAsync();
        var manifest = officer.GetByRole(AriaRole.Table, new() { Name = words["CheckIn_Manifest"] });
        var applicant = manifest.GetByRole(AriaRole.Row).Filter(new() { HasText = "José María Pérez O'Neil" });
        await Assertions.Expect(applicant).ToContainTextAsync("5678");
        await Assertions.Expect(applicant.GetByRole(AriaRole.Img, new() { Name = words["CheckIn_PhotoOf", "José María Pérez O'Neil"] })).ToBeVisibleAsync();
        await Assertions.Expect(manifest.GetByRole(AriaRole.Row).Filter(new() { HasText = "Itzel Pérez Ñañez" })
            .GetByRole(AriaRole.Img, new() { Name = words["CheckIn_PhotoOf", "Itzel Pérez Ñañez"] })).ToBeVisibleAsync();
        Assert.True(await applicant.GetByRole(AriaRole.Img).EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the photo loads");
        await AssertFitsAndPassesAxe(officer, "check-in manifest");

        await officer.GetByRole(AriaRole.Checkbox, new() { Name = words["CheckIn_PresentLabel", "José María Pérez O'Neil"] }).CheckAsync();
        await officer.GetByRole(AriaRole.Checkbox, new() { Name = words["CheckIn_PresentLabel", "Itzel Pérez Ñañez"] }).CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = words["CheckIn_Confirm"] }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = words["CheckIn_Done"], Exact = true })).ToBeVisibleAsync();
        await AssertFitsAndPassesAxe(officer, "checked in");
    }

    private static string Locale(string language) => language switch { "en" => "en-US", "ht" => "ht-HT", _ => "es-MX" };

    /// <summary>
    /// Nothing scrolls sideways, and axe finds nothing at WCAG 2.2 AA, whatever the impact, in the page's
    /// HTML as the phone shows it (its scripts left out, as the phone leaves them).
    /// </summary>
    private static async Task AssertFitsAndPassesAxeAsScanned(IPage page, IPage scan, string step)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{step} ({page.Url}) is {widths[0]} px wide on a {widths[1]} px screen");
        await scan.SetContentAsync(Script().Replace(await page.ContentAsync(), ""));
        await AccessibilityTests.AssertWcag22AA(scan, $"{step} ({page.Url})");
    }

    /// <summary>The file behind a download link, as the phone saved it.</summary>
    private static async Task<byte[]> Downloaded(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        return await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
    }

    /// <summary>A photo as a phone would send it (here a small PNG).</summary>
    private static FilePayload Photo(string name)
    {
        using var bitmap = new SkiaSharp.SKBitmap(120, 160);
        bitmap.Erase(SkiaSharp.SKColors.SaddleBrown);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return new FilePayload { Name = name, MimeType = "image/png", Buffer = png.ToArray() };
    }

    /// <summary>The site's words in one language, read from its resources as the pages read them.</summary>
    private sealed class Words(PuenteServer server, string language)
    {
        private readonly IStringLocalizer<SharedResource> text = server.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        public string this[string key, params object[] arguments]
        {
            get
            {
                var saved = CultureInfo.CurrentUICulture;
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                try
                {
                    return text[key, arguments].Value;
                }
                finally
                {
                    CultureInfo.CurrentUICulture = saved;
                }
            }
        }
    }

    [GeneratedRegex(@"<script\b.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Script();

    [GeneratedRegex(@"[?&]ticket=([^&]+)")]
    private static partial Regex TicketInLink();

    [GeneratedRegex("^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{12}$")]
    private static partial Regex NewTicket();

    [GeneratedRegex(@"^[\w-]+\.[\w-]+\.[\w-]+$")]
    private static partial Regex PassToken();
}
