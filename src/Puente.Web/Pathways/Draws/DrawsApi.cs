using Microsoft.AspNetCore.Http.HttpResults;
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

    public static async Task<Results<Ok<DrawSummary>, ProblemHttpResult>> GetSummary(string date, GetDraw getDraw, Problems problems, CancellationToken ct)
    {
        if (IsoDates.Parse(date) is not { } serviceDate)
        {
            return problems.InvalidDate(date);
        }
        return await getDraw.Summary(serviceDate, ct) is { } summary ? TypedResults.Ok(summary) : NoDraw(problems, serviceDate);
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
