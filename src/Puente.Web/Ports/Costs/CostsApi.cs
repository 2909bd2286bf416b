using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Domain.Ports.Costs;
using Puente.Web.Hosting;

namespace Puente.Web.Ports.Costs;

internal static class CostsApi
{
    public static void MapCostsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ports").WithTags("Ports").AllowAnonymous();

        group.MapGet("/{code}/closure-cost", async Task<Results<Ok<ClosureCostResponse>, ValidationProblem, ProblemHttpResult>> (
                string code, string? lane, string? from, string? to, EstimateClosureCost estimate, Problems problems, CancellationToken ct) =>
            {
                var (command, errors) = ClosureCostRequest.Read(code, lane, from, to);
                if (command is null)
                {
                    return problems.Validation(errors);
                }
                return await estimate.Handle(command, ct) switch
                {
                    EstimateClosureCost.Estimated e => TypedResults.Ok(new ClosureCostResponse(e.PortName, e.Estimate, e.ValuesSource, e.DemoFigures)),
                    EstimateClosureCost.Invalid invalid => problems.Validation(invalid.Errors),
                    EstimateClosureCost.NoSuchLane noLane => problems.Result(StatusCodes.Status422UnprocessableEntity, ProblemCodes.NoSuchLane, code, PortFilters.Name(noLane.Lane)),
                    EstimateClosureCost.NoBaseline none => problems.Result(StatusCodes.Status422UnprocessableEntity, ProblemCodes.NoBaseline, code,
                        none.From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), none.To.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)),
                    _ => problems.PortNotFound(code),
                };
            })
            .WithName("EstimateClosureCost")
            .WithSummary("What closing a port's lane type (every lane type when lane is empty) from one date to another stops per day, the value at stake, and where the traffic would divert; from the BTS counts of the 12 months before.");
    }
}

/// <param name="ValuesSource">Whether the per-unit values are the documented defaults or the operator's own.</param>
/// <param name="DemoFigures">The flows are the demo fixture's made-up counts, not BTS's.</param>
internal sealed record ClosureCostResponse(string PortName, ClosureCostEstimate Estimate, UnitValuesSource ValuesSource, bool DemoFigures);

/// <summary>The query string of a closure-cost request, shared by the API and the page.</summary>
internal static class ClosureCostRequest
{
    public static (EstimateClosureCost.Command? Command, List<FieldError> Errors) Read(string code, string? lane, string? from, string? to)
    {
        var errors = new List<FieldError>();
        var laneType = PortFilters.Lane("lane", lane, errors);
        var start = PortFilters.Date("from", from, errors, required: true);
        var end = PortFilters.Date("to", to, errors, required: true);
        return errors.Count > 0 ? (null, errors) : (new EstimateClosureCost.Command(code, laneType, start!.Value, end!.Value), errors);
    }
}
