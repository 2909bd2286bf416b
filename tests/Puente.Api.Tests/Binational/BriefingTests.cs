using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Puente.Api.Tests.Infrastructure;
using Puente.Web;
using Puente.Web.Binational.Briefing;
using Puente.Web.Binational.Figures;
using static Puente.Api.Tests.Binational.BinationalData;

namespace Puente.Api.Tests.Binational;

[Collection(SeededPeriodGroup.Name)]
public sealed class BriefingTests(SeededPeriod period)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    [InlineData("ht")]
    public async Task The_dashboard_the_briefing_page_and_its_pdf_show_the_same_headline_numbers(string language)
    {
        var pdftotext = Prerequisite.Program("pdftotext", "install poppler-utils to read the briefing PDF");
        var app = period.App;
        var figures = await Figures(await app.ClientFor(Analyst), $"/api/binational/figures?{Period}");
        var pages = await PageForms.SignIn(app, Analyst);

        var dashboard = WebUtility.HtmlDecode(await pages.GetStringAsync($"/Binational?{Period}&lang={language}", Ct));
        var briefing = WebUtility.HtmlDecode(await pages.GetStringAsync($"/Binational/Briefing?{Period}&language={language}&lang={language}", Ct));
        var pdf = await Text(pdftotext, await pages.GetByteArrayAsync($"/Binational/Briefing?handler=Pdf&{Period}&language={language}", Ct));

        var localizer = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        string In(FigureText value) => BriefingLanguages.In(localizer, language, value);
        var headlines = FigureTables.Headlines(figures).Select(h => In(h.Value)).ToList();
        Assert.Equal(7, headlines.Count);
        Assert.Contains(headlines, h => h.Contains(',', StringComparison.Ordinal));
        foreach (var headline in headlines)
        {
            Assert.Contains($"<dd>{headline}</dd>", dashboard, StringComparison.Ordinal);
            Assert.Contains($"<dd>{headline}</dd>", briefing, StringComparison.Ordinal);
            Assert.Contains(headline, pdf, StringComparison.Ordinal);
        }
        // The policy scenarios: every row's numbers, in the same order, on the three, with their seed and as-of time.
        var scenarios = Assert.Single(FigureTables.All(figures), f => f.Id == "scenarios");
        Assert.Equal(3, scenarios.Rows.Count);
        foreach (var row in scenarios.Rows)
        {
            var cells = row.Values.Select(In).ToList();
            Assert.Contains(string.Join(" ", cells), Words(Cells(dashboard)), StringComparison.Ordinal);
            Assert.Contains(string.Join(" ", cells), Words(Cells(briefing)), StringComparison.Ordinal);
            Assert.All(cells, cell => Assert.Contains(cell, pdf, StringComparison.Ordinal));
        }
        var computedAt = figures.Scenarios!.AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var seed = $" {figures.Scenarios.Seed}, ";
        Assert.All(new[] { dashboard, briefing, pdf }, view => Assert.Contains(computedAt, view, StringComparison.Ordinal));
        Assert.All(new[] { dashboard, briefing, pdf }, view => Assert.Contains(seed, Words(view), StringComparison.Ordinal));
        // Every figure is numbered the same way in the three, with its source line under it.
        var number = language switch { "es" => "Figura", "ht" => "Figi", _ => "Figure" };
        foreach (var figure in FigureTables.All(figures))
        {
            Assert.Contains($"{number} {figure.Number}.", dashboard, StringComparison.Ordinal);
            Assert.Contains($"{number} {figure.Number}.", briefing, StringComparison.Ordinal);
            Assert.Contains($"{number} {figure.Number}.", pdf, StringComparison.Ordinal);
        }
        var asOf = figures.AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(asOf, pdf, StringComparison.Ordinal);
        Assert.Contains(asOf, briefing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_side_by_side_pdf_opens_in_a_pdf_reader_with_spanish_and_english_accents_intact()
    {
        var pdftoppm = Prerequisite.Program("pdftoppm", "install poppler-utils to render the briefing PDF");
        var pdftotext = Prerequisite.Program("pdftotext", "install poppler-utils to read the briefing PDF");
        var app = period.App;
        var pages = await PageForms.SignIn(app, Analyst);

        var response = await pages.GetAsync($"/Binational/Briefing?handler=Pdf&{Period}&language=es-en", Ct);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var directory = Directory.CreateTempSubdirectory("puente-briefing-");
        try
        {
            var file = Path.Combine(directory.FullName, "briefing.pdf");
            await File.WriteAllBytesAsync(file, pdf, Ct);
            var (exit, error) = await Run(pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", file, Path.Combine(directory.FullName, "page"));
            Assert.True(exit == 0, error);
            var image = Assert.Single(directory.GetFiles("page*.png"));
            var header = new byte[8];
            await using (var png = image.OpenRead())
            {
                await png.ReadExactlyAsync(header, Ct);
            }
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header);
            var text = await Text(pdftotext, pdf);
            Assert.Contains("Informe binacional / Binational briefing", text, StringComparison.Ordinal);
            Assert.Contains("Vías legales: demanda y oferta", text, StringComparison.Ordinal);
            Assert.Contains("Legal pathways: demand and supply", text, StringComparison.Ordinal);
            Assert.Contains("Mediana de días del registro a la selección", text, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_briefing_in_an_unknown_language_is_the_page_with_the_error_not_a_pdf()
    {
        await using var app = new PuenteApp();
        var pages = await PageForms.SignIn(app, Analyst);

        var response = await pages.GetAsync("/Binational/Briefing?handler=Pdf&language=fr&lang=en", Ct);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Choose one of: es, en, ht, es-en.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>A page's table cells as words: the row's values follow one another, separated by single spaces.</summary>
    private static string Cells(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, @"</td>\s*<td[^>]*>", " ");

    private static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static async Task<string> Text(string pdftotext, byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf, Ct);
            var output = file + ".txt";
            var (exit, error) = await Run(pdftotext, "-enc", "UTF-8", file, output);
            Assert.True(exit == 0, error);
            // A heading may wrap onto a second line: words are compared, not line breaks.
            var text = System.Text.RegularExpressions.Regex.Replace(await File.ReadAllTextAsync(output, Ct), @"\s+", " ");
            File.Delete(output);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Exit, string Error)> Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, error);
    }
}
