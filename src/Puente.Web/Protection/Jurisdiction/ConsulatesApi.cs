using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Domain.Protection.Jurisdiction;
using Puente.Web.Hosting;

namespace Puente.Web.Protection.Jurisdiction;

internal static class ConsulatesApi
{
    public static RouteGroupBuilder MapConsulatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consulates").WithTags("Consulates").AllowAnonymous();

        group.MapGet("/", Ok<FindJurisdiction.Network> (FindJurisdiction find) => TypedResults.Ok(find.List()))
            .WithName("ListConsulates")
            .WithSummary("The Mexican consulates in the US, with where the data comes from and when to re-check it.");

        group.MapGet("/jurisdiction", Results<Ok<FindJurisdiction.Found>, ProblemHttpResult> (
                string? county, string? state, string? name, string? date, FindJurisdiction find, Problems problems, TimeProvider clock) =>
            {
                if (Ask(county, state, name, date, clock) is not { } query)
                {
                    return date is not null && IsoDates.Parse(date) is null
                        ? problems.InvalidDate(date)
                        : problems.Result(StatusCodes.Status400BadRequest, ProblemCodes.JurisdictionQuery);
                }
                return find.Handle(query) switch
                {
                    FindJurisdiction.Found found => TypedResults.Ok(found),
                    FindJurisdiction.NotCovered { Reason: UnmappedReason.BeforeCoverage } notCovered =>
                        problems.Result(StatusCodes.Status404NotFound, ProblemCodes.JurisdictionBeforeCoverage, IsoDates.Write(notCovered.CoverageFrom)),
                    _ => problems.Result(StatusCodes.Status404NotFound, ProblemCodes.JurisdictionUnmapped, county ?? $"{name}, {state}"),
                };
            })
            .WithName("FindJurisdiction")
            .WithSummary("Which consulate has jurisdiction over a county (5-digit FIPS, or state and county name) on a date (default today), and since when.");

        return group;
    }

    /// <summary>The query, or null when it names neither a county nor a state and a name, or the date is not a date.</summary>
    public static FindJurisdiction.Query? Ask(string? county, string? state, string? name, string? date, TimeProvider clock)
    {
        var day = date is null ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : IsoDates.Parse(date);
        if (day is null)
        {
            return null;
        }
        if (!string.IsNullOrWhiteSpace(county))
        {
            return new(county, null, null, day.Value);
        }
        return string.IsNullOrWhiteSpace(state) || string.IsNullOrWhiteSpace(name) ? null : new(null, state, name, day.Value);
    }
}
