using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Pathways.Capacity;
using Puente.Web.Database;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Draws;

/// <summary>
/// Freezes a date's schedule and commits to the draw's secret before the request window opens.
/// The secret comes from a CSPRNG and is stored before any entry can exist.
/// </summary>
internal sealed class AnnounceDraw(PuenteDb db, DailySchedule schedule, IOptions<PathwaysOptions> options, TimeProvider clock)
{
    public async Task<DrawDayRecord> Handle(DateOnly serviceDate, CancellationToken cancellationToken = default)
    {
        if (await db.DrawDays.FirstOrDefaultAsync(d => d.ServiceDate == serviceDate, cancellationToken) is { } existing)
        {
            return existing;
        }
        var ports = await schedule.For(serviceDate, cancellationToken);
        if (ports.Count == 0)
        {
            throw new InvalidOperationException(
                $"No port has capacity on {serviceDate:yyyy-MM-dd}: configure Pathways:DefaultSlots or add slot overrides.");
        }
        var secret = RandomNumberGenerator.GetBytes(32);
        var announcement = new DrawAnnouncement(
            DrawProtocol.Name,
            serviceDate,
            DrawDigests.Commitment(secret),
            options.Value.PriorityPercent,
            ports);
        var window = options.Value.Window;
        var day = new DrawDayRecord
        {
            ServiceDate = serviceDate,
            Status = DrawStatus.Announced,
            OpensAt = window.OpensAt(serviceDate),
            ClosesAt = window.ClosesAt(serviceDate),
            Secret = Convert.ToHexStringLower(secret),
            Announcement = DrawBundleJson.SerializeAnnouncement(announcement),
        };
        db.DrawDays.Add(day);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return day;
        }
        catch (DbUpdateException)
        {
            // Another instance announced the same date first; theirs is the one published.
            db.ChangeTracker.Clear();
            return await db.DrawDays.AsNoTracking().FirstAsync(d => d.ServiceDate == serviceDate, cancellationToken);
        }
    }

    /// <summary>Announces every date whose window opens within the lead time or is open now.</summary>
    public async Task<int> AnnounceDue(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = options.Value.Window.DatesToAnnounce(now, options.Value.AnnounceLead).ToList();
        var known = await db.DrawDays.Where(d => due.Contains(d.ServiceDate)).Select(d => d.ServiceDate).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var date in due.Except(known))
        {
            await Handle(date, cancellationToken);
            count++;
        }
        return count;
    }
}
