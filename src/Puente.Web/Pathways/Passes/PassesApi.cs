using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Passes;

internal static class PassesApi
{
    public sealed record JwkSet(IReadOnlyList<PublicJwk> Keys);

    public static RouteHandlerBuilder MapPassesApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/.well-known/puente-keys.json", async Task<Ok<JwkSet>> (HttpContext http, PuenteDb db, CancellationToken ct) =>
            {
                // Keys change rarely and retired keys stay; a scanner that meets an unknown kid refetches.
                http.Response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Ok(new JwkSet(await SigningKeys.Published(db, ct)));
            })
            .AllowAnonymous()
            .WithTags("Passes")
            .WithName("GetPassKeys")
            .WithSummary("The public keys (JWK Set) that verify Puente passes, retired ones included.");
}
