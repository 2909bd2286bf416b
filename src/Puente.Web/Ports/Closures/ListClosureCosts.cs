using Microsoft.EntityFrameworkCore;
using Puente.Domain.Ports;
using Puente.Domain.Ports.Status;
using Puente.Web.Database;
using Puente.Web.Ports.Costs;

namespace Puente.Web.Ports.Closures;

/// <summary>
/// A port's closures for the public: which lane, which dates, why, and what each costs. Nothing about the
/// people moved (that stays with officers, Admins and Analysts through <see cref="GetClosure"/>).
/// </summary>
internal sealed class ListClosureCosts(PuenteDb db, EstimateClosureCost estimate)
{
    /// <summary>How many of a port's closures the page shows, newest first.</summary>
    public const int Most = 20;

    public sealed record Closure(
        Guid Id, string Crossing, LaneType Lane, DateOnly FirstDate, DateOnly LastDate, DateOnly? ReopenedOn, LaneReason Reason, ClosureCostResponse? Cost);

    public async Task<IReadOnlyList<Closure>> Handle(string port, CancellationToken cancellationToken = default)
    {
        var closures = await db.Closures.AsNoTracking().Where(c => c.PortCode == port)
            .OrderByDescending(c => c.FirstDate).ThenBy(c => c.CrossingNumber).ThenBy(c => c.Lane).Take(Most)
            .Select(c => new { c.Id, c.CrossingNumber, c.Lane, c.FirstDate, c.LastDate, c.ReopenedOn, c.Reason })
            .ToListAsync(cancellationToken);
        var list = new List<Closure>(closures.Count);
        foreach (var c in closures)
        {
            var cost = await estimate.OfClosure(port, c.Lane, c.FirstDate, c.LastDate, c.ReopenedOn, cancellationToken);
            list.Add(new Closure(c.Id, c.CrossingNumber, c.Lane, c.FirstDate, c.LastDate, c.ReopenedOn, c.Reason, cost));
        }
        return list;
    }
}
