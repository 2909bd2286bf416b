using Puente.Domain.Ports.Flows;

namespace Puente.Domain.Ports.Costs;

/// <summary>A port as the estimate sees it: where it is, which lane types it has, and its monthly counts.</summary>
public sealed record CostPort(
    string Code,
    string Name,
    double Latitude,
    double Longitude,
    IReadOnlySet<LaneType> Lanes,
    IReadOnlyList<BtsCount> Counts);

/// <summary>US dollars per unit that crosses; a measure without a value is counted but not priced.</summary>
public sealed record UnitValues(decimal LoadedTruckContainer, decimal LoadedRailContainer, decimal Person)
{
    public decimal? For(BtsMeasure measure) => measure switch
    {
        BtsMeasure.TruckContainersLoaded => LoadedTruckContainer,
        BtsMeasure.RailContainersLoaded => LoadedRailContainer,
        BtsMeasure.PersonalVehiclePassengers or BtsMeasure.BusPassengers or BtsMeasure.Pedestrians => Person,
        _ => null,
    };
}

/// <summary>One measure's daily baseline and what the closure stops of it.</summary>
public sealed record StoppedFlow(
    BtsMeasure Measure,
    LaneType Lane,
    DateOnly BaselineFrom,
    DateOnly BaselineTo,
    int MonthsUsed,
    IReadOnlyList<DateOnly> MonthsInConflict,
    double? PerDay,
    double? Total,
    decimal? UnitValue,
    decimal? ValuePerDay,
    decimal? ValueTotal);

/// <summary>A share of the stopped traffic going to another port, and what that adds to its own traffic.</summary>
public sealed record Diversion(
    string PortCode,
    string PortName,
    LaneType Lane,
    double DistanceKm,
    double Share,
    IReadOnlyList<DivertedLoad> Loads);

public sealed record DivertedLoad(BtsMeasure Measure, double AddedPerDay, double? OwnPerDay, double? IncreasePercent);

public sealed record ClosureCostEstimate(
    string PortCode,
    IReadOnlyList<LaneType> Lanes,
    DateOnly From,
    DateOnly To,
    int Days,
    IReadOnlyList<StoppedFlow> Flows,
    decimal ValuePerDay,
    decimal ValueTotal,
    IReadOnlyList<Diversion> Diversions);

/// <summary>
/// What closing lane types of a port for a date range costs, from BTS monthly counts alone: each
/// measure's daily rate over the twelve months before the closure starts, priced with per-unit values,
/// and shared among the nearest open ports with the same lane type in inverse proportion to distance.
/// </summary>
public static class ClosureCost
{
    public const int BaselineMonths = 12;

    /// <summary>The measures a closed lane type stops. Trucks and vehicles are counted; containers and people are priced.</summary>
    public static IReadOnlyList<BtsMeasure> Measures(LaneType lane) => lane switch
    {
        LaneType.Commercial => [BtsMeasure.Trucks, BtsMeasure.TruckContainersLoaded],
        LaneType.Rail => [BtsMeasure.Trains, BtsMeasure.RailContainersLoaded],
        LaneType.PassengerVehicle => [BtsMeasure.PersonalVehicles, BtsMeasure.PersonalVehiclePassengers, BtsMeasure.Buses, BtsMeasure.BusPassengers],
        LaneType.Pedestrian => [BtsMeasure.Pedestrians],
        _ => [],
    };

    public static ClosureCostEstimate Estimate(
        CostPort closed, IReadOnlyList<LaneType> lanes, DateOnly from, DateOnly to,
        IReadOnlyList<CostPort> openPorts, UnitValues values, int diversionPorts)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        var flows = lanes.SelectMany(lane => Measures(lane).Select(m => Stopped(closed.Counts, lane, m, from, days, values))).ToList();
        var diversions = lanes.SelectMany(lane => Divert(closed, lane, from, flows, openPorts, diversionPorts)).ToList();
        return new(closed.Code, lanes, from, to, days, flows,
            flows.Sum(f => f.ValuePerDay ?? 0), flows.Sum(f => f.ValueTotal ?? 0), diversions);
    }

    /// <summary>
    /// The daily rate of a measure over the twelve months before <paramref name="start"/>'s month: the
    /// counts summed and divided by the days of the months that have one. A month whose count is in
    /// conflict (two values) is left out and named, never settled by picking one.
    /// </summary>
    public static (double? PerDay, int MonthsUsed, IReadOnlyList<DateOnly> Conflicts, DateOnly From, DateOnly To) Baseline(
        IReadOnlyList<BtsCount> counts, BtsMeasure measure, DateOnly start)
    {
        var to = new DateOnly(start.Year, start.Month, 1).AddMonths(-1);
        var from = to.AddMonths(-(BaselineMonths - 1));
        var months = counts.Where(c => c.Measure == measure && c.Month >= from && c.Month <= to)
            .GroupBy(c => c.Month)
            .ToList();
        var conflicts = months.Where(g => g.Select(c => c.Value).Distinct().Count() > 1).Select(g => g.Key).OrderBy(m => m).ToList();
        var usable = months.Where(g => !conflicts.Contains(g.Key)).ToList();
        if (usable.Count == 0)
        {
            return (null, 0, conflicts, from, to);
        }
        var total = usable.Sum(g => (double)g.First().Value);
        var dayCount = usable.Sum(g => DateTime.DaysInMonth(g.Key.Year, g.Key.Month));
        return (total / dayCount, usable.Count, conflicts, from, to);
    }

    private static StoppedFlow Stopped(IReadOnlyList<BtsCount> counts, LaneType lane, BtsMeasure measure, DateOnly from, int days, UnitValues values)
    {
        var (perDay, used, conflicts, baseFrom, baseTo) = Baseline(counts, measure, from);
        var unit = values.For(measure);
        decimal? valuePerDay = perDay is { } d && unit is { } u ? (decimal)d * u : null;
        return new(measure, lane, baseFrom, baseTo, used, conflicts, perDay, perDay * days, unit, valuePerDay, valuePerDay * days);
    }

    private static IEnumerable<Diversion> Divert(
        CostPort closed, LaneType lane, DateOnly from, IReadOnlyList<StoppedFlow> flows, IReadOnlyList<CostPort> openPorts, int count)
    {
        var nearest = openPorts
            .Where(p => p.Code != closed.Code && p.Lanes.Contains(lane))
            .Select(p => (Port: p, Km: GreatCircle.Kilometres(closed.Latitude, closed.Longitude, p.Latitude, p.Longitude)))
            .OrderBy(p => p.Km).ThenBy(p => p.Port.Code, StringComparer.Ordinal)
            .Take(count)
            .ToList();
        // Two ports on one spot (BTS puts Calexico and Calexico East on one point) would divide by zero.
        var weights = nearest.Select(p => 1 / Math.Max(p.Km, 1)).ToList();
        var sum = weights.Sum();
        for (var i = 0; i < nearest.Count; i++)
        {
            var (port, km) = nearest[i];
            var share = weights[i] / sum;
            var loads = flows.Where(f => f.Lane == lane && f.PerDay is not null)
                .Select(f =>
                {
                    var added = f.PerDay!.Value * share;
                    var own = Baseline(port.Counts, f.Measure, from).PerDay;
                    return new DivertedLoad(f.Measure, added, own, own is > 0 ? added / own.Value * 100 : null);
                })
                .ToList();
            yield return new(port.Code, port.Name, lane, km, share, loads);
        }
    }
}
