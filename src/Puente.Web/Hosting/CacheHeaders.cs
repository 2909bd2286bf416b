using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Puente.Web.Hosting;

/// <summary>
/// How long a browser (or a shared cache) may keep each response. Public pages read by anyone are
/// cacheable for a minute; a page for a signed-in person is never stored by a shared cache and not kept
/// by the browser either, except where its own page decides otherwise (the pass page is kept privately
/// for a day so it opens without signal). Pages with a form are marked no-store by antiforgery. Files
/// whose address carries their version (<c>?v=</c>) are kept for a year.
/// </summary>
internal static class CacheHeaders
{
    public static readonly TimeSpan PublicPageAge = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan VersionedFileAge = TimeSpan.FromDays(365);
    public static readonly TimeSpan UnversionedFileAge = TimeSpan.FromHours(1);

    public static IApplicationBuilder UsePuenteCacheHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!context.IsApi() && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Response.OnStarting(() =>
                {
                    SetPageHeaders(context);
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });

    private static readonly object KeptPrivatelyKey = new();

    /// <summary>
    /// This page, when it answers 200, may be kept by the person's own browser (never a shared cache) for
    /// <paramref name="age"/>, so it opens again without signal; it wins over antiforgery's no-store,
    /// which its forms (language, sign out) would otherwise bring.
    /// </summary>
    public static void KeepPrivately(this HttpContext context, TimeSpan age) => context.Items[KeptPrivatelyKey] = age;

    private static void SetPageHeaders(HttpContext context)
    {
        var response = context.Response;
        if (context.Items[KeptPrivatelyKey] is TimeSpan kept && response.StatusCode == StatusCodes.Status200OK)
        {
            response.Headers.CacheControl = $"private, max-age={(int)kept.TotalSeconds}";
            response.Headers.Remove(HeaderNames.Pragma);
            return;
        }
        var isPage = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        // Static files set their own; pages that chose a policy (or antiforgery's no-store) keep it.
        if (!isPage || response.Headers.ContainsKey(HeaderNames.CacheControl))
        {
            return;
        }
        if (response.StatusCode != StatusCodes.Status200OK
            || context.User.Identity?.IsAuthenticated == true
            || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            response.Headers.CacheControl = "private, no-store";
            return;
        }
        response.Headers.CacheControl = $"public, max-age={(int)PublicPageAge.TotalSeconds}";
        // The same address reads in the language of the cookie or the browser.
        response.Headers.Append(HeaderNames.Vary, "Accept-Language, Cookie");
    }

    public static StaticFileOptions StaticFiles() => new()
    {
        OnPrepareResponse = file =>
        {
            var headers = file.Context.Response.Headers;
            // A service worker must be checked on every visit, or an old one keeps serving old pages.
            if (file.File.Name.EndsWith("-sw.js", StringComparison.Ordinal))
            {
                headers.CacheControl = "no-cache";
                return;
            }
            var versioned = file.Context.Request.Query.ContainsKey("v");
            headers.CacheControl = versioned
                ? $"public, max-age={(int)VersionedFileAge.TotalSeconds}, immutable"
                : $"public, max-age={(int)UnversionedFileAge.TotalSeconds}";
        },
    };
}
