using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;
using Puente.Web.Pathways.Draws;

namespace Puente.Web.Binational.OpenData;

/// <summary>Each drawn day, per port: places offered, entries and persons asking, selected, checked in, no-shows.</summary>
internal sealed class DrawStatistics(PublishedAnnouncements announcements) : IOpenDataResource
{
    public string Name => "draw-statistics";

    public string Title => "Daily draw statistics";

    public string Description =>
        "For every service date whose draw has run and every port it offered: the places offered, the entries that named the port first and the persons in them, the groups selected there and what became of them.";

    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("service_date", FieldType.Date, "The day the appointments are for."),
        new("port", FieldType.String, "BTS port code of the port of entry."),
        new("places_offered", FieldType.Integer, "Capacity the draw announced at the port.", "persons"),
        new("priority_percent", FieldType.Integer, "Share of the port's places given by waiting time (phase 1).", "percent"),
        new("entries", FieldType.Integer, "Requests entered in the draw that named the port as first choice.", "requests"),
        new("persons", FieldType.Integer, "Persons in those requests.", "persons"),
        new("selected", FieldType.Integer, "Groups with an appointment at the port (after any rebooking).", "groups"),
        new("selected_persons", FieldType.Integer, "Persons in those groups.", "persons"),
        new("checked_in", FieldType.Integer, "Groups checked in at the port.", "groups"),
        new("no_shows", FieldType.Integer, "Groups marked as not having come.", "groups"),
        new("cancelled", FieldType.Integer, "Groups whose appointment was cancelled.", "groups"),
    ];

    public async Task<string> Version(PuenteDb db, CancellationToken cancellationToken)
    {
        var days = await db.DrawDays.CountAsync(d => d.Status == DrawStatus.Drawn, cancellationToken);
        var appointments = await db.Appointments
            .GroupBy(a => a.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var moves = await db.AppointmentMoves.CountAsync(cancellationToken);
        return string.Join('|', [$"{days}", $"{moves}", .. appointments.OrderBy(a => a.Key).Select(a => $"{a.Key}:{a.Count}")]);
    }

    public async IAsyncEnumerable<object?[]> Rows(PuenteDb db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var days = db.DrawDays.AsNoTracking()
            .Where(d => d.Status == DrawStatus.Drawn)
            .OrderBy(d => d.ServiceDate)
            .Select(d => new { d.ServiceDate, d.Announcement })
            .AsAsyncEnumerable();
        // One day at a time: a second context would be needed to query while the outer reader is open.
        var list = new List<(DateOnly Date, string Announcement)>();
        await foreach (var day in days.WithCancellation(cancellationToken))
        {
            list.Add((day.ServiceDate, day.Announcement));
        }
        foreach (var (date, json) in list)
        {
            var announcement = announcements.Of(date, json);
            var entries = (await db.Requests.AsNoTracking()
                    .Where(r => r.ServiceDate == date && r.Status != RequestStatus.Withdrawn)
                    .GroupBy(r => r.Ports)
                    .Select(g => new { g.Key, Count = g.Count(), Persons = g.Sum(r => r.Size) })
                    .ToListAsync(cancellationToken))
                .GroupBy(g => g.Key.Split(',')[0])
                .ToDictionary(g => g.Key, g => (Count: g.Sum(x => x.Count), Persons: g.Sum(x => x.Persons)), StringComparer.Ordinal);
            var booked = (await db.Appointments.AsNoTracking()
                    .Where(a => a.ServiceDate == date)
                    .GroupBy(a => new { a.PortCode, a.Status })
                    .Select(g => new { g.Key.PortCode, g.Key.Status, Count = g.Count(), Persons = g.Sum(a => a.GroupSize) })
                    .ToListAsync(cancellationToken))
                .ToLookup(b => b.PortCode, StringComparer.Ordinal);
            var ports = announcement.Ports.Select(p => p.Code).Union(booked.Select(b => b.Key)).Order(StringComparer.Ordinal);
            foreach (var port in ports)
            {
                var offered = announcement.Ports.Where(p => p.Code == port).Sum(p => p.Slots.Sum(s => s.Capacity));
                var (count, persons) = entries.GetValueOrDefault(port);
                var atPort = booked[port].ToList();
                yield return
                [
                    date, port, offered, announcement.PriorityPercent, count, persons,
                    atPort.Sum(b => b.Count), atPort.Sum(b => b.Persons),
                    atPort.Where(b => b.Status == AppointmentStatus.CheckedIn).Sum(b => b.Count),
                    atPort.Where(b => b.Status == AppointmentStatus.NoShow).Sum(b => b.Count),
                    atPort.Where(b => b.Status == AppointmentStatus.Cancelled).Sum(b => b.Count),
                ];
            }
        }
    }
}
