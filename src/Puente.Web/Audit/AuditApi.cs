using Microsoft.AspNetCore.Http.HttpResults;

namespace Puente.Web.Audit;

internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").AllowAnonymous();

        // Public on purpose: a published head is only useful if people outside the system keep copies.
        group.MapGet("/checkpoints", async Task<Ok<List<PublishAuditHead.Checkpoint>>> (PublishAuditHead publish, CancellationToken ct) =>
                TypedResults.Ok(await publish.List(90, ct)))
            .WithName("ListAuditCheckpoints")
            .WithSummary("The audit chain's head as published each day (last 90 days): sequence and hash, nothing else.");

        return group;
    }
}
