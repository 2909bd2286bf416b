using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Domain.Ports.WaitTimes;
using Puente.Web.Database;

namespace Puente.Web.Ports.WaitTimes;

/// <summary>A port's recorded waits, newest poll last, per crossing and lane; instants in UTC, with the port's zone to show them in.</summary>
internal sealed class GetWaitHistory(PuenteDb db)
{
    public sealed record Query(string PortCode, string? Crossing, LaneType? Lane, DateTimeOffset? From, DateTimeOffset? To);

    public abstract record Outcome;

    public sealed record Found(PortWaitsResponse Waits) : Outcome;

    public sealed record PortNotFound : Outcome;

    public async Task<Outcome> Handle(Query query, CancellationToken cancellationToken = default)
    {
        var port = await db.Ports.AsNoTracking().Where(p => p.Code == query.PortCode)
            .Select(p => new { p.Code, p.Name, p.TimeZone, Crossings = p.Crossings.Select(c => new { c.Number, c.Name }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (port is null)
        {
            return new PortNotFound();
        }
        var observations = db.WaitObservations.AsNoTracking().Where(o => o.PortCode == query.PortCode);
        if (query.Crossing is { } crossing)
        {
            observations = observations.Where(o => o.CrossingNumber == crossing);
        }
        if (query.Lane is { } lane)
        {
            observations = observations.Where(o => o.Lane == lane);
        }
        if (query.From is { } from)
        {
            observations = observations.Where(o => o.CollectedAt >= from);
        }
        if (query.To is { } to)
        {
            observations = observations.Where(o => o.CollectedAt <= to);
        }
        var rows = await observations
            .Select(o => new
            {
                o.CrossingNumber, o.Lane, o.Kind, o.CollectedAt, o.UpdatedAt, o.ReportedAt, o.DelayMinutes, o.LanesOpen,
                o.OperationalStatus, o.DelayText, o.LanesOpenText, o.UpdateTimeText, o.PortStatus, o.Freshness,
            })
            .ToListAsync(cancellationToken);
        var names = port.Crossings.ToDictionary(c => c.Number, c => c.Name, StringComparer.Ordinal);
        var series = rows
            .GroupBy(r => new { r.CrossingNumber, r.Lane, r.Kind })
            .OrderBy(g => g.Key.CrossingNumber, StringComparer.Ordinal).ThenBy(g => g.Key.Lane).ThenBy(g => g.Key.Kind)
            .Select(g => new WaitSeries(
                g.Key.CrossingNumber!, names.GetValueOrDefault(g.Key.CrossingNumber!, g.Key.CrossingNumber!), g.Key.Lane, g.Key.Kind,
                [.. g.OrderBy(r => r.CollectedAt).Select(r => new WaitPoint(
                    r.CollectedAt, r.UpdatedAt, r.ReportedAt, r.DelayMinutes, r.LanesOpen, r.Freshness,
                    r.OperationalStatus, r.DelayText, r.LanesOpenText, r.UpdateTimeText, r.PortStatus))]))
            .ToList();
        return new Found(new PortWaitsResponse(port.Code, port.Name, port.TimeZone, series));
    }
}

internal sealed record PortWaitsResponse(string Port, string Name, string TimeZone, IReadOnlyList<WaitSeries> Series);

internal sealed record WaitSeries(string Crossing, string CrossingName, LaneType Lane, LaneKind Kind, IReadOnlyList<WaitPoint> Points);

/// <summary>
/// One reading. <c>DelayMinutes</c> and <c>LanesOpen</c> are null when CBP gave no number; the texts are
/// CBP's strings verbatim (<c>N/A</c>, <c>Lanes Closed</c>, <c>Update Pending</c>, empty).
/// </summary>
internal sealed record WaitPoint(
    DateTimeOffset CollectedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ReportedAt,
    int? DelayMinutes,
    int? LanesOpen,
    Freshness Freshness,
    string OperationalStatus,
    string DelayText,
    string LanesOpenText,
    string UpdateTimeText,
    string PortStatus);
