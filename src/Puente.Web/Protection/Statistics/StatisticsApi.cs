using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Accounts;
using Puente.Web.Binational.Figures;
using Puente.Web.Hosting;

namespace Puente.Web.Protection.Statistics;

internal static class StatisticsApi
{
    public static RouteHandlerBuilder MapProtectionStatisticsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/protection/statistics", async Task<Results<Ok<CountCases.Table>, ValidationProblem, ProblemHttpResult>> (
                string? from, string? to, CountCases count, Problems problems, TimeProvider clock, CancellationToken ct) =>
            {
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var start = from is null ? new DateOnly(today.Year, today.Month, 1).AddMonths(-11) : IsoDates.Parse(from);
                var end = to is null ? today : IsoDates.Parse(to);
                if (start is null)
                {
                    return problems.InvalidDate(from!);
                }
                if (end is null)
                {
                    return problems.InvalidDate(to!);
                }
                var errors = new List<FieldError>();
                PeriodFilter.Check(start.Value, end.Value, errors);
                return errors.Count > 0 ? problems.Validation(errors) : TypedResults.Ok(await count.Handle(start.Value, end.Value, ct));
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Analyst},{Roles.Admin}" })
            .WithTags("Protection")
            .WithName("CountProtectionCases")
            .WithSummary($"Cases opened per consulate, category and month (default: the last twelve months; at most {PeriodFilter.MaxDays} days); counts under 5 are withheld.");
}
