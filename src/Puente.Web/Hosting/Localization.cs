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
                new CustomRequestCultureProvider(context => Task.FromResult(FromBrowser(context.Request))),
            ],
        });
    }

    /// <summary>
    /// The browser's first language Puente speaks, by preference order. French reads as Haitian Creole:
    /// a phone in Haiti is often set to <c>fr-HT</c> or plain <c>fr</c>, and its owner reads Creole far
    /// more readily than the Spanish default (see docs/glossary.md). <c>ht-HT</c> is its parent, <c>ht</c>.
    /// </summary>
    public static ProviderCultureResult? FromBrowser(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var entry in preferred)
        {
            if (Speak(entry.Value.Value) is { } language)
            {
                return new ProviderCultureResult(language);
            }
        }
        return null;
    }

    /// <summary>The supported language a culture name falls back to, or null: <c>fr-HT</c>, <c>fr</c>, <c>ht-HT</c> → <c>ht</c>.</summary>
    public static string? Speak(string? culture)
    {
        var primary = culture?.Split('-', '_')[0].ToLowerInvariant();
        var language = primary == "fr" ? "ht" : primary;
        return language is not null && Supported.Contains(language) ? language : null;
    }
}
