using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Accounts;
using Puente.Web.Hosting;

namespace Puente.Web.Binational.Figures;

internal static class FiguresApi
{
    public static void MapBinationalFiguresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/binational").WithTags("Binational");

        group.MapGet("/figures", (string? from, string? to, string? port, GetPeriodFigures get, Problems problems, TimeProvider clock, CancellationToken ct) =>
                Figures(from, to, port, withProtection: true, get, problems, clock, ct))
            .RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Analyst},{Roles.Admin}" })
            .WithName("GetBinationalFigures")
            .WithSummary("A period's figures (from and to as yyyy-MM-dd, default the last 30 days; port a BTS code, default all): legal pathways, crossings, wait times, BTS flows against a year earlier, CBP encounters, and protection cases with counts under 5 withheld.");

        group.MapGet("/public-figures", (string? from, string? to, string? port, GetPeriodFigures get, Problems problems, TimeProvider clock, CancellationToken ct) =>
                Figures(from, to, port, withProtection: false, get, problems, clock, ct))
            .AllowAnonymous()
            .WithName("GetPublicBinationalFigures")
            .WithSummary("The same figures for the public, without the protection section.");
    }

    private static async Task<Results<Ok<PeriodFigures>, ValidationProblem, ProblemHttpResult>> Figures(
        string? from, string? to, string? port, bool withProtection, GetPeriodFigures get, Problems problems, TimeProvider clock, CancellationToken ct)
    {
        var (query, errors) = PeriodFilter.Read(from, to, port, withProtection, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (query is null)
        {
            return problems.Validation(errors);
        }
        return await get.Handle(query, ct) switch
        {
            GetPeriodFigures.Found found => TypedResults.Ok(found.Figures),
            _ => problems.PortNotFound(query.Port!),
        };
    }
}
