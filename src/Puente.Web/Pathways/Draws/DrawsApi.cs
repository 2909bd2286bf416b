using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Puente.Web.Hosting;

namespace Puente.Web.Pathways.Draws;

/// <summary>Public, no sign-in: anyone can fetch a draw and recompute it.</summary>
internal static class DrawsApi
{
    public static RouteGroupBuilder MapDrawsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/draws").WithTags("Draws").AllowAnonymous();
        group.MapGet("/{date}", GetSummary).WithName("GetDraw").WithSummary("A date's draw: commitment, window, digests and counts.");
        group.MapGet("/{date}/bundle", GetBundle).WithName("GetDrawBundle")
            .WithSummary("The draw bundle in the puente-draw/1 format; before the draw, the announcement (and after close the entries) without the secret.");
        return group;
    }

    /// <summary>
    /// The summary with an entity tag: a client or cache that already holds it gets 304 and no body.
    /// It may change at any moment (the draw runs), so it is always revalidated, never reused blind.
    /// </summary>
    public static async Task<Results<Ok<DrawSummary>, StatusCodeHttpResult, ProblemHttpResult>> GetSummary(
        string date, GetDraw getDraw, Problems problems, HttpContext http, IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (IsoDates.Parse(date) is not { } serviceDate)
        {
            return problems.InvalidDate(date);
        }
        if (await getDraw.Summary(serviceDate, ct) is not { } summary)
        {
            return NoDraw(problems, serviceDate);
        }
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(summary, json.Value.SerializerOptions)))[..32]}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = tag;
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        return http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Tag == tag.Tag || t.Tag == "*")
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(summary);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetBundle(string date, GetDraw getDraw, Problems problems, CancellationToken ct)
    {
        if (IsoDates.Parse(date) is not { } serviceDate)
        {
            return problems.InvalidDate(date);
        }
        return await getDraw.BundleJson(serviceDate, ct) is { } json
            ? TypedResults.Text(json, "application/json")
            : NoDraw(problems, serviceDate);
    }

    private static ProblemHttpResult NoDraw(Problems problems, DateOnly date) =>
        problems.Result(StatusCodes.Status404NotFound, ProblemCodes.DrawNotFound, IsoDates.Write(date));
}
