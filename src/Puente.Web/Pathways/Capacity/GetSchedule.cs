using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Capacity;

/// <summary>
/// A port's slots on a date as an Admin sees them: the override or the template while the date is
/// open to change, and exactly what was published once the draw is announced.
/// </summary>
internal sealed class GetSchedule(PuenteDb db, IOptions<PathwaysOptions> options, PublishedAnnouncements announcements)
{
    public enum Source
    {
        Template,
        Override,
    }

    public sealed record Slot(string Start, int Capacity);

    /// <summary>The draw that froze the date; the window instants are what was published with it.</summary>
    public sealed record Announced(DrawStatus Status, DateTimeOffset WindowOpensAt, DateTimeOffset WindowClosesAt);

    public sealed record Schedule(string Port, DateOnly ServiceDate, Source Source, bool Frozen, Announced? Announcement, IReadOnlyList<Slot> Slots);

    /// <summary>Null when there is no such port.</summary>
    public async Task<Schedule?> Handle(string port, DateOnly serviceDate, CancellationToken cancellationToken = default)
    {
        if (!await db.Ports.AnyAsync(p => p.Code == port, cancellationToken))
        {
            return null;
        }
        var overrides = await db.SlotOverrides.AsNoTracking()
            .Where(s => s.PortCode == port && s.ServiceDate == serviceDate)
            .Select(s => new DrawSlot(s.Start, s.Capacity))
            .ToListAsync(cancellationToken);
        var source = overrides.Count > 0 ? Source.Override : Source.Template;

        var day = await db.DrawDays.AsNoTracking()
            .Where(d => d.ServiceDate == serviceDate)
            .Select(d => new { d.Status, d.OpensAt, d.ClosesAt, d.Announcement })
            .FirstOrDefaultAsync(cancellationToken);
        if (day is not null)
        {
            // What applicants were offered is the published announcement, whatever the tables say now.
            var published = announcements.Of(serviceDate, day.Announcement).Ports
                .FirstOrDefault(p => p.Code == port)?.Slots.Select(s => new Slot(s.Start, s.Capacity)).ToList() ?? [];
            return new Schedule(port, serviceDate, source, true, new Announced(day.Status, day.OpensAt, day.ClosesAt), published);
        }

        var slots = DailySchedule.Chosen(overrides, options.Value.DefaultSlots.GetValueOrDefault(port))
            .Select(s => new Slot(s.Start, s.Capacity))
            .OrderBy(s => s.Start, StringComparer.Ordinal)
            .ToList();
        return new Schedule(port, serviceDate, source, false, null, slots);
    }
}
