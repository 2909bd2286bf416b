using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Costs;
using Puente.Domain.Ports.Flows;
using Puente.Domain.Ports.Status;
using Puente.Web.Database;
using Puente.Web.Ports.Costs;
using Puente.Web.Ports.Flows;

namespace Puente.Web.Binational.Figures;

/// <summary>Crossings for a period: lanes' status now, closures and their value at stake, wait times, BTS flows.</summary>
internal static class CrossingCounts
{
    public static async Task<CrossingFigures> Count(PuenteDb db, FigurePeriod period, ClosureCostOptions costs, CancellationToken cancellationToken)
    {
        var port = period.Port;
        var ports = await db.Ports.AsNoTracking().Where(p => port == null || p.Code == port)
            .OrderBy(p => p.Code).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken);
        var lanes = await db.CrossingLanes.AsNoTracking()
            .Join(db.Crossings, l => l.CrossingNumber, c => c.Number, (l, c) => new { c.PortCode, l.CrossingNumber, l.Type })
            .Where(l => port == null || l.PortCode == port)
            .ToListAsync(cancellationToken);
        // A lane without a status row has been open since the registry listed it.
        var statuses = (await db.LaneStatuses.AsNoTracking().Select(s => new { s.CrossingNumber, s.Lane, s.Status }).ToListAsync(cancellationToken))
            .ToDictionary(s => (s.CrossingNumber, s.Lane), s => s.Status);
        var now = ports.Select(p =>
        {
            var of = lanes.Where(l => l.PortCode == p.Code).Select(l => statuses.GetValueOrDefault((l.CrossingNumber, l.Type), LaneStatus.Open)).ToList();
            return new PortLanesNow(p.Code, p.Name, of.Count(s => s == LaneStatus.Open), of.Count(s => s == LaneStatus.Restricted), of.Count(s => s == LaneStatus.Closed));
        }).ToList();

        var closures = (await db.Closures.AsNoTracking()
                .Where(c => c.FirstDate <= period.To && (port == null || c.PortCode == port))
                .ToListAsync(cancellationToken))
            .Select(c => (Closure: c, Last: c.ReopenedOn is { } reopened ? reopened.AddDays(-1) : c.LastDate))
            .Where(c => c.Last >= period.From && c.Last >= c.Closure.FirstDate)
            .OrderBy(c => c.Closure.FirstDate).ThenBy(c => c.Closure.PortCode, StringComparer.Ordinal).ThenBy(c => c.Closure.CrossingNumber, StringComparer.Ordinal)
            .ToList();
        var names = await db.Ports.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);
        var figures = new List<ClosureFigure>();
        foreach (var (closure, last) in closures)
        {
            var from = closure.FirstDate > period.From ? closure.FirstDate : period.From;
            var to = last < period.To ? last : period.To;
            var days = to.DayNumber - from.DayNumber + 1;
            var perDay = await ValuePerDay(db, closure.PortCode, closure.Lane, closure.FirstDate, costs, cancellationToken);
            figures.Add(new ClosureFigure(closure.Id, closure.PortCode, names.GetValueOrDefault(closure.PortCode, closure.PortCode), closure.CrossingNumber,
                closure.Lane, closure.FirstDate, last, closure.ReopenedOn, days, perDay, perDay * days));
        }
        return new CrossingFigures(FigureSources.Ports, period.Now, now, figures, figures.Sum(f => f.ValueInPeriodUsd ?? 0));
    }

    /// <summary>
    /// The closure-cost rule of <see cref="ClosureCost"/> (the twelve months of BTS counts before the closure, priced per
    /// unit), asked for one day; null when the port has no counts in those months.
    /// </summary>
    private static async Task<decimal?> ValuePerDay(PuenteDb db, string port, LaneType lane, DateOnly first, ClosureCostOptions costs, CancellationToken cancellationToken)
    {
        var baselineTo = new DateOnly(first.Year, first.Month, 1).AddMonths(-1);
        var baselineFrom = baselineTo.AddMonths(-(ClosureCost.BaselineMonths - 1));
        var counts = (await StoredBtsCounts.Read(db, [port], from: baselineFrom, to: baselineTo, cancellationToken: cancellationToken))
            .Select(c => c.Count).ToList();
        var closed = new CostPort(port, port, 0, 0, new HashSet<LaneType> { lane }, counts);
        var estimate = ClosureCost.Estimate(closed, [lane], first, first, [], costs.Values, costs.DiversionPorts);
        return estimate.Flows.Any(f => f.ValuePerDay is not null) ? estimate.ValuePerDay : null;
    }

    public static async Task<WaitFigures> Waits(PuenteDb db, FigurePeriod period, CancellationToken cancellationToken)
    {
        var port = period.Port;
        var readings = await db.WaitObservations.AsNoTracking()
            .Where(o => o.CollectedAt >= period.Start && o.CollectedAt < period.End && o.DelayMinutes != null && o.PortCode != null
                && (port == null || o.PortCode == port))
            .Select(o => new { o.Lane, Minutes = o.DelayMinutes!.Value })
            .ToListAsync(cancellationToken);
        var lanes = readings.GroupBy(r => r.Lane).OrderBy(g => g.Key).Select(g =>
        {
            var minutes = g.Select(r => (double)r.Minutes).Order().ToList();
            return new WaitSummary(g.Key, minutes.Count, PathwayCounts.Median(minutes), g.Max(r => r.Minutes));
        }).ToList();
        return new WaitFigures(FigureSources.WaitTimes, period.Now, lanes);
    }

    public static async Task<FlowFigures> Flows(PuenteDb db, FigurePeriod period, CancellationToken cancellationToken)
    {
        var port = period.Port;
        var earliest = period.FirstMonth.AddYears(-1);
        var counts = await StoredBtsCounts.Read(db, port is null ? null : [port], from: earliest, to: period.LastMonth, cancellationToken: cancellationToken);
        // One value per port, measure and month, or none when BTS gave two (left out and counted, never settled).
        var cells = counts.GroupBy(c => (c.PortCode, c.Measure, c.Month))
            .ToDictionary(g => g.Key, g => g.Select(c => c.Value).Distinct().ToList());
        var measures = cells.Keys.Select(k => k.Measure).Distinct().Order().Select(measure =>
        {
            long? current = null, earlier = null;
            var conflicts = 0;
            foreach (var code in cells.Keys.Where(k => k.Measure == measure).Select(k => k.PortCode).Distinct())
            {
                foreach (var month in period.Months())
                {
                    var now = cells.GetValueOrDefault((code, measure, month));
                    var before = cells.GetValueOrDefault((code, measure, month.AddYears(-1)));
                    if (now is { Count: > 1 } || before is { Count: > 1 })
                    {
                        conflicts++;
                        continue;
                    }
                    current = now is [var a] ? (current ?? 0) + a : current;
                    earlier = before is [var b] ? (earlier ?? 0) + b : earlier;
                }
            }
            double? change = current is { } c && earlier is > 0 ? Math.Round((c - earlier.Value) * 100.0 / earlier.Value, 1) : null;
            return new FlowChange(measure, current, earlier, change, conflicts);
        }).Where(m => m.Period is not null || m.YearEarlier is not null || m.MonthsInConflict > 0).ToList();
        return new FlowFigures(counts.Any(c => c.Demo) ? FigureSources.BtsDemo : FigureSources.Bts, period.Now, FigurePeriod.Month(period.FirstMonth), FigurePeriod.Month(period.LastMonth), measures);
    }
}
