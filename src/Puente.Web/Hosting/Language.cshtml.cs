using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Web.Hosting;

namespace Puente.Web.Hosting;

/// <summary>
/// Remembers the chosen language in a cookie and returns to the page the person was on. The layout's
/// language choices are plain links (GET), so a public page carries no form and no antiforgery token
/// and can be cached; choosing a language changes nothing but the reader's own preference.
/// </summary>
internal sealed class LanguageModel : PageModel
{
    public IActionResult OnGet(string? culture, string? returnUrl) => Choose(culture, returnUrl);

    public IActionResult OnPost(string? culture, string? returnUrl) => Choose(culture, returnUrl);

    private LocalRedirectResult Choose(string? culture, string? returnUrl)
    {
        if (culture is not null && Languages.Supported.Contains(culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    // A year counted by the browser's clock: a server clock that disagrees with the device
                    // (or a test's fixed one) cannot hand out a cookie that is already expired.
                    MaxAge = TimeSpan.FromDays(365),
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    HttpOnly = true,
                });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? WithoutLanguageQuery(returnUrl) : "/");
    }

    // A `lang` query string would override the new cookie on the next request.
    private static string WithoutLanguageQuery(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return url;
        }
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url[question..]);
        query.Remove("lang");
        var path = url[..question];
        return query.Count == 0
            ? path
            : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path,
                query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
    }
}
