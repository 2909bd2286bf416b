using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Puente.Web.Hosting;

/// <summary>
/// Text (pages, styles, scripts, JSON, CSV, SVG) goes out compressed with Brotli or gzip: a person on a
/// slow, metered phone connection downloads a page in a fraction of the bytes. Images and PDFs are
/// already compressed and are left alone. Pages that carry a secret (an antiforgery token) get a fresh
/// random one on every response, which defeats length-based attacks on compressed HTTPS (ADR 0018).
/// </summary>
internal static class Compression
{
    public static readonly string[] TextTypes =
    [
        "text/html", "text/css", "text/plain", "text/csv", "text/javascript", "application/javascript",
        "application/json", "application/problem+json", "application/xml", "image/svg+xml",
        "application/manifest+json",
    ];

    public static IServiceCollection AddPuenteCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = TextTypes;
        });
        // The fastest levels: most of the saving for a small share of the processor on a busy day.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }
}
