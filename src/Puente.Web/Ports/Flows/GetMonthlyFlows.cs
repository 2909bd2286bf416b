using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports.Flows;
using Puente.Web.Database;

namespace Puente.Web.Ports.Flows;

/// <summary>A port's BTS monthly counts per measure; a month with two values shows both and no single value.</summary>
internal sealed class GetMonthlyFlows(PuenteDb db)
{
    public sealed record Query(string PortCode, BtsMeasure? Measure, DateOnly? From, DateOnly? To);

    public abstract record Outcome;

    public sealed record Found(PortFlowsResponse Flows) : Outcome;

    public sealed record PortNotFound : Outcome;

    public async Task<Outcome> Handle(Query query, CancellationToken cancellationToken = default)
    {
        var port = await db.Ports.AsNoTracking().Where(p => p.Code == query.PortCode).Select(p => new { p.Code, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (port is null)
        {
            return new PortNotFound();
        }
        var rows = await StoredBtsCounts.Read(db, [query.PortCode], query.Measure, query.From, query.To, cancellationToken);
        var series = rows.GroupBy(r => r.Measure)
            .OrderBy(g => g.Key)
            .Select(g => new MeasureSeries(g.Key, [.. g.GroupBy(r => r.Month).OrderBy(m => m.Key).Select(m =>
            {
                var values = m.Select(r => r.Value).Order().ToList();
                return new MonthlyCount(m.Key.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                    values.Count == 1 ? values[0] : null, values.Count > 1 ? values : []);
            })]))
            .ToList();
        return new Found(new PortFlowsResponse(port.Code, port.Name, series, rows.Any(r => r.Demo)));
    }
}

/// <param name="DemoFigures">The counts are the demo fixture's made-up ones, not BTS's.</param>
internal sealed record PortFlowsResponse(string Port, string Name, IReadOnlyList<MeasureSeries> Measures, bool DemoFigures);

internal sealed record MeasureSeries(BtsMeasure Measure, IReadOnlyList<MonthlyCount> Months);

/// <summary><c>Value</c> is null when BTS gave the month two values; both are in <c>ConflictingValues</c>.</summary>
internal sealed record MonthlyCount(string Month, long? Value, IReadOnlyList<long> ConflictingValues);
