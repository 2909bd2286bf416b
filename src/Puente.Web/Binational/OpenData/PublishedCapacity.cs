using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;
using Puente.Web.Pathways.Draws;

namespace Puente.Web.Binational.OpenData;

/// <summary>The capacity every announced draw offered, slot by slot, as the announcement published it.</summary>
internal sealed class PublishedCapacity(PublishedAnnouncements announcements) : IOpenDataResource
{
    public string Name => "capacity";

    public string Title => "Appointment capacity";

    public string Description =>
        "For every announced service date: each port's appointment slots and the persons each could take, as announced before the request window opened.";

    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("service_date", FieldType.Date, "The day the appointments are for."),
        new("port", FieldType.String, "BTS port code of the port of entry."),
        new("slot_start", FieldType.String, "Start of the slot, HH:MM in the port's local time."),
        new("capacity", FieldType.Integer, "Persons the slot could take.", "persons"),
    ];

    public async Task<string> Version(PuenteDb db, CancellationToken cancellationToken)
    {
        var days = await db.DrawDays.CountAsync(cancellationToken);
        var last = await db.DrawDays.OrderByDescending(d => d.ServiceDate).Select(d => (DateOnly?)d.ServiceDate).FirstOrDefaultAsync(cancellationToken);
        return $"{days}|{last:O}";
    }

    public async IAsyncEnumerable<object?[]> Rows(PuenteDb db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var days = db.DrawDays.AsNoTracking()
            .OrderBy(d => d.ServiceDate)
            .Select(d => new { d.ServiceDate, d.Announcement })
            .AsAsyncEnumerable();
        await foreach (var day in days.WithCancellation(cancellationToken))
        {
            foreach (var port in announcements.Of(day.ServiceDate, day.Announcement).Ports.OrderBy(p => p.Code, StringComparer.Ordinal))
            {
                foreach (var slot in port.Slots)
                {
                    yield return [day.ServiceDate, port.Code, slot.Start, slot.Capacity];
                }
            }
        }
    }
}
