using System.Net;
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
            var response = await client.GetAsync($"{path}?lang={language}", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
            var text = Text(await response.Content.ReadAsStringAsync(Ct));
            found.AddRange(ResourceKey().Matches(text).Select(m => $"{path}: key {m.Value}"));
            found.AddRange(UtcTime().Matches(text).Select(m => $"{path}: UTC time \"{m.Value}\""));
            found.AddRange(English().Matches(text).Select(m => $"{path}: English \"{Around(text, m.Index)}\""));
        }

        Assert.Empty(found);
    }

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
