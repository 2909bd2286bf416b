using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Puente.Web.Hosting;

namespace Puente.Web.Binational.OpenData;

/// <summary>Public, stable URLs: <c>/opendata/datapackage.json</c> and <c>/opendata/{resource}.csv|.json</c>.</summary>
internal static class OpenDataApi
{
    public static RouteHandlerBuilder MapOpenDataApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/opendata/{file}", async Task<Results<PushStreamHttpResult, StatusCodeHttpResult, ProblemHttpResult>> (
                string file, HttpContext http, DownloadResource download, Problems problems, CancellationToken ct) =>
            {
                var outcome = await download.Handle(file, http.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } tags ? tags : null, ct);
                switch (outcome)
                {
                    case DownloadResource.NotModified notModified:
                        Cache(http, notModified.ETag);
                        return TypedResults.StatusCode(StatusCodes.Status304NotModified);
                    case DownloadResource.Download found:
                        Cache(http, found.ETag);
                        return TypedResults.Stream(stream => found.Write(stream, http.RequestAborted), found.ContentType);
                    case DownloadResource.NotFound missing:
                        return problems.Result(StatusCodes.Status404NotFound, ProblemCodes.OpenDataNotFound, missing.File);
                    default:
                        throw new InvalidOperationException($"Unexpected outcome {outcome}.");
                }
            })
            .AllowAnonymous()
            .WithTags("Open data")
            .WithName("DownloadOpenData")
            .WithSummary("datapackage.json, or a resource it lists as CSV or JSON; streamed, with an ETag (If-None-Match gives 304).");

    private static void Cache(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        // Public data: caches may keep it briefly and must revalidate with the ETag afterwards.
        http.Response.Headers.CacheControl = "public, max-age=300";
        http.Response.Headers.Append(HeaderNames.AccessControlAllowOrigin, "*");
    }
}
