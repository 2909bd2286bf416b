using Puente.Web.Database;

namespace Puente.Web.Ports.Closures;

/// <summary>Closures that stop a port's appointments: those of the crossing and lane its registry entry names.</summary>
internal static class ClosedPorts
{
    public static IQueryable<ClosureRecord> OfAppointmentLanes(PuenteDb db) =>
        db.Closures.Where(c => db.Ports.Any(p => p.Code == c.PortCode && p.AppointmentCrossing == c.CrossingNumber && p.AppointmentLane == c.Lane));

    /// <summary>Whether the closure still closes <paramref name="date"/>: inside its range and before any reopening.</summary>
    public static IQueryable<ClosureRecord> Covering(this IQueryable<ClosureRecord> closures, DateOnly date) =>
        closures.Where(c => c.FirstDate <= date && c.LastDate >= date && (c.ReopenedOn == null || c.ReopenedOn > date));

    /// <summary>Codes of the ports whose appointments are closed on <paramref name="date"/>.</summary>
    public static IQueryable<string> On(PuenteDb db, DateOnly date) =>
        OfAppointmentLanes(db).Covering(date).Select(c => c.PortCode);
}
