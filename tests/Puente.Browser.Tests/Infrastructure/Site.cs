namespace Puente.Browser.Tests.Infrastructure;

/// <summary>The public pages and languages every page-wide check walks through.</summary>
public static class Site
{
    public static readonly IReadOnlyList<string> Pages =
        ["/", "/Ports", "/Ports/2504", "/Account/Login", "/Account/Denied", "/Error?code=404"];

    public static readonly IReadOnlyList<string> Languages = ["es", "en", "ht"];

    public static TheoryData<string, string> PagesInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in Pages)
        {
            foreach (var language in Languages)
            {
                data.Add(page, language);
            }
        }
        return data;
    }

    public static TheoryData<string> AllPages() => new(Pages);

    /// <summary>The page in one language through `?lang=`, the form a shared link takes.</summary>
    public static string InLanguage(string page, string language) =>
        page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + language;
}
