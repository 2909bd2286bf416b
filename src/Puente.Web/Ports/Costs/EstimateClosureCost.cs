using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Costs;
using Puente.Domain.Ports.Flows;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Ports.Flows;

namespace Puente.Web.Ports.Costs;

/// <summary>
/// What closing a port (or one lane type of it) from one date to another stops, what it puts at stake,
/// and where the traffic would go, from the BTS counts stored by <c>puente import bts</c>.
/// </summary>
/// <summary>Where the per-unit values came from: the documented defaults (docs/operators/ports-data.md) or the operator's settings.</summary>
internal enum UnitValuesSource
{
    Defaults,
    Configured,
}

internal sealed class EstimateClosureCost(PuenteDb db, IOptions<ClosureCostOptions> options)
{
    /// <summary>A closure longer than this is refused: the estimate is a daily rate, not a forecast.</summary>
    public const int MaxDays = 366;

    /// <param name="Lane">Null closes every lane type the port has.</param>
    /// <param name="AlsoClosed">Ports closed at the same time, which cannot take diverted traffic.</param>
    public sealed record Command(string PortCode, LaneType? Lane, DateOnly From, DateOnly To, IReadOnlySet<string>? AlsoClosed = null);

    public abstract record Outcome;

    /// <param name="DemoFigures">The baseline is the demo fixture's made-up counts, not BTS's.</param>
    public sealed record Estimated(ClosureCostEstimate Estimate, string PortName, UnitValuesSource ValuesSource, bool DemoFigures) : Outcome;

    public sealed record PortNotFound : Outcome;

    /// <summary>The port has no lane of that type.</summary>
    public sealed record NoSuchLane(LaneType Lane) : Outcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    /// <summary>No BTS counts for the port in the twelve months before the closure: nothing to estimate from.</summary>
    public sealed record NoBaseline(DateOnly From, DateOnly To) : Outcome;

    public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken = default)
    {
        if (command.To < command.From)
        {
            return new Invalid([new FieldError("to", FieldCodes.ClosureEndsBeforeStart)]);
        }
        if (command.To.DayNumber - command.From.DayNumber + 1 > MaxDays)
        {
            return new Invalid([new FieldError("to", FieldCodes.ClosureTooLong, MaxDays.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
        var ports = await db.Ports.AsNoTracking()
            .Select(p => new { p.Code, p.Name, p.Latitude, p.Longitude, Lanes = p.Crossings.SelectMany(c => c.Lanes.Select(l => l.Type)).ToList() })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var closed = ports.FirstOrDefault(p => p.Code == command.PortCode);
        if (closed is null)
        {
            return new PortNotFound();
        }
        if (command.Lane is { } lane && !closed.Lanes.Contains(lane))
        {
            return new NoSuchLane(lane);
        }
        var baselineTo = new DateOnly(command.From.Year, command.From.Month, 1).AddMonths(-1);
        var baselineFrom = baselineTo.AddMonths(-(ClosureCost.BaselineMonths - 1));
        var stored = await StoredBtsCounts.Read(db, from: baselineFrom, to: baselineTo, cancellationToken: cancellationToken);
        var counts = stored
            .GroupBy(c => c.PortCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<BtsCount>)[.. g.Select(c => c.Count)], StringComparer.Ordinal);
        if (!counts.ContainsKey(closed.Code))
        {
            return new NoBaseline(baselineFrom, baselineTo);
        }
        var costPorts = ports.Select(p => new CostPort(p.Code, p.Name, p.Latitude, p.Longitude, p.Lanes.ToHashSet(), counts.GetValueOrDefault(p.Code, []))).ToList();
        var alsoClosed = command.AlsoClosed ?? new HashSet<string>();
        var lanes = command.Lane is { } one ? [one] : closed.Lanes.Distinct().Order().ToList();
        var estimate = ClosureCost.Estimate(
            costPorts.First(p => p.Code == closed.Code), lanes, command.From, command.To,
            [.. costPorts.Where(p => !alsoClosed.Contains(p.Code))], options.Value.Values, options.Value.DiversionPorts);
        var source = options.Value.Values == new ClosureCostOptions().Values ? UnitValuesSource.Defaults : UnitValuesSource.Configured;
        return new Estimated(estimate, closed.Name, source, stored.Any(c => c.Demo && c.PortCode == closed.Code));
    }

    /// <summary>
    /// The estimate for a recorded closure (one lane type, its closed dates: up to the day before it was reopened);
    /// null when there is nothing to estimate from.
    /// </summary>
    public async Task<ClosureCostResponse?> OfClosure(string port, LaneType lane, DateOnly firstDate, DateOnly lastDate, DateOnly? reopenedOn,
        CancellationToken cancellationToken = default)
    {
        var to = reopenedOn is { } on && on <= lastDate ? on.AddDays(-1) : lastDate;
        return await Handle(new Command(port, lane, firstDate, to), cancellationToken) is Estimated e
            ? new ClosureCostResponse(e.PortName, e.Estimate, e.ValuesSource, e.DemoFigures)
            : null;
    }
}
