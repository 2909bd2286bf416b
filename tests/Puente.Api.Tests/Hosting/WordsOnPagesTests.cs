using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Hosting;

/// <summary>
/// What a Spanish or Creole reader sees on the public pages and the demo applicant's own pages: no raw
/// resource key, no UTC time or IANA zone id, and no English sentence (a short list of common English
/// words stands in for a language detector).
/// </summary>
public sealed partial class WordsOnPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] PublicPages =
        ["/", "/Ports", "/Ports/2504", "/Ports/2504/Waits", "/Ports/2504/Flows", "/Account/Login", "/opendata",
         "/Draws", "/Apply/Start", "/Apply/Register", "/Account/Recover"];

    private static readonly string[] ApplicantPages = ["/Apply", "/Apply/Travellers", "/Appointments"];

    [Theory]
    [InlineData("es")]
    [InlineData("ht")]
    public async Task No_page_shows_a_raw_key_a_utc_time_or_an_english_sentence(string language)
    {
        await using var app = new PuenteApp();
        var anonymous = app.CreateClient();
        var applicant = await PageForms.SignIn(app, "applicant@puente.test");
        var draws = await anonymous.GetStringAsync("/Draws", Ct);
        var drawPages = DrawLink().Matches(draws).Select(m => m.Value).Distinct().Take(3);

        var found = new List<string>();
        foreach (var (client, path) in PublicPages.Concat(drawPages).Select(p => (anonymous, p)).Concat(ApplicantPages.Select(p => (applicant, p))))
        {
            var text = await Read(client, path, language);
            found.AddRange(KeysAndUtcTimes(path, text));
            found.AddRange(English().Matches(text).Select(m => $"{path}: English \"{Around(text, m.Index)}\""));
        }

        Assert.Empty(found);
    }

    /// <summary>
    /// Staff read times too: the admin's capacity page of a drawn date, the officer's check-in, the
    /// caseworker's queue, a case and its history show instants on a wall clock with the zone's name,
    /// never a bare UTC time, and no raw resource key.
    /// </summary>
    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    [InlineData("ht")]
    public async Task No_staff_page_shows_a_raw_key_or_a_utc_time(string language)
    {
        await using var app = new PuenteApp();
        // An announced date: its capacity page says when the window opened, an instant.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Puente.Web.Pathways.Draws.AnnounceDraw>().Handle(new DateOnly(2026, 12, 1), Ct);
        }
        // A new case: its page, the queue and its history each show instants (its due time, its audit entry).
        var opened = await Puente.Api.Tests.Protection.CaseDesk.Open(await app.ClientFor(Puente.Api.Tests.Protection.CaseDesk.LosAngeles));
        var caseworker = await PageForms.SignIn(app, Puente.Api.Tests.Protection.CaseDesk.LosAngeles);
        // The full record and its history open to whoever holds the case or supervises; nobody holds a new one.
        var supervisor = await PageForms.SignIn(app, Puente.Api.Tests.Protection.CaseDesk.Supervisor);
        var casePage = "/Protection/Cases/" + opened.GetProperty("id").GetString();
        var pages = new List<(HttpClient, string)>
        {
            (await PageForms.SignIn(app, "admin@puente.test"), "/Admin/Capacity?port=2504&date=2026-12-01"),
            (await PageForms.SignIn(app, "officer.sanysidro@puente.test"), "/Officer/CheckIn"),
            (caseworker, "/Protection"),
            (caseworker, casePage),
            (supervisor, casePage),
            (supervisor, casePage + "/History"),
        };

        var found = new List<string>();
        foreach (var (client, path) in pages)
        {
            found.AddRange(KeysAndUtcTimes(path, await Read(client, path, language)));
        }

        Assert.Empty(found);
    }

    /// <summary>The visible words of a page that must answer 200, in one language.</summary>
    private static async Task<string> Read(HttpClient client, string path, string language)
    {
        var response = await client.GetAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}lang={language}", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
        return Text(await response.Content.ReadAsStringAsync(Ct));
    }

    private static IEnumerable<string> KeysAndUtcTimes(string path, string text) =>
        ResourceKey().Matches(text).Select(m => $"{path}: key {m.Value}")
            .Concat(UtcTime().Matches(text).Select(m => $"{path}: UTC time \"{m.Value}\""));

    /// <summary>The page's visible words: no scripts, styles, tags, or parts marked as another language (the language switcher).</summary>
    private static string Text(string html)
    {
        var visible = Hidden().Replace(html, " ");
        visible = OtherLanguage().Replace(visible, " ");
        return WebUtility.HtmlDecode(Tag().Replace(visible, " "));
    }

    private static string Around(string text, int at) =>
        text.Substring(Math.Max(0, at - 40), Math.Min(80, text.Length - Math.Max(0, at - 40))).ReplaceLineEndings(" ");

    [GeneratedRegex(@"<(script|style|head)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<(?!html)(\w+)[^>]*\blang=""(en|es|ht)""[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex OtherLanguage();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"/Draws/\d{4}-\d{2}-\d{2}")]
    private static partial Regex DrawLink();

    [GeneratedRegex(@"\b[A-Z][a-z]+[A-Za-z]*_[A-Z][A-Za-z]*\b")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"\d{1,2}:\d{2}(:\d{2})?\s*(UTC|Z\b)|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\bAmerica/[A-Z]")]
    private static partial Regex UtcTime();

    [GeneratedRegex(@"\b(the|your|you|please|with|which|here|appointment|request|ticket|waiting|cancel|available|when|will|should|there|this|that)\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();
}
