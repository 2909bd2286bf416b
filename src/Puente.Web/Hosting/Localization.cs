using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Puente.Web.Hosting;

/// <summary>Spanish is the default; English and Haitian Creole are full peers, not fallbacks.</summary>
internal static class Languages
{
    public const string Default = "es";
    public static readonly IReadOnlyList<string> Supported = ["es", "en", "ht"];

    /// <summary>The culture's own name for itself, shown in the language switcher.</summary>
    public static string NativeName(string code) => code switch
    {
        "en" => "English",
        "ht" => "Kreyòl ayisyen",
        _ => "Español",
    };

    public static IApplicationBuilder UsePuenteLocalization(this IApplicationBuilder app)
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        return app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Default),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            // A query string wins (shareable links), then the remembered choice, then the browser.
            RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
        });
    }
}
