using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Capacity;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Draws;

/// <summary>
/// Freezes a date's schedule and commits to the draw's secret before the request window opens.
/// The secret comes from a CSPRNG and is stored before any entry can exist.
/// </summary>
internal sealed class AnnounceDraw(PuenteDb db, DailySchedule schedule, IOptions<PathwaysOptions> options, TimeProvider clock)
{
    public abstract record Outcome;

    /// <summary>The date's draw as published: now, or earlier by this or another instance.</summary>
    public sealed record Announced(DrawDayRecord Day) : Outcome;

    /// <summary>No port offers a slot that day (every port closed, or no template): there is nothing to draw.</summary>
    public sealed record NoCapacity(DateOnly ServiceDate) : Outcome;

    public async Task<Outcome> Handle(DateOnly serviceDate, CancellationToken cancellationToken = default)
    {
        if (await db.DrawDays.FirstOrDefaultAsync(d => d.ServiceDate == serviceDate, cancellationToken) is { } existing)
        {
            return new Announced(existing);
        }
        var ports = await schedule.For(serviceDate, cancellationToken);
        if (ports.Count == 0)
        {
            return new NoCapacity(serviceDate);
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
            return new Announced(day);
        }
        catch (DbUpdateException)
        {
            // Another instance announced the same date first; theirs is the one published.
            db.ChangeTracker.Clear();
            return new Announced(await db.DrawDays.AsNoTracking().FirstAsync(d => d.ServiceDate == serviceDate, cancellationToken));
        }
    }

    /// <summary>Announces every date whose window opens within the lead time or is open now; a date
    /// without capacity is skipped (and tried again next round, in case an Admin opens slots).</summary>
    public async Task<int> AnnounceDue(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = options.Value.Window.DatesToAnnounce(now, options.Value.AnnounceLead).ToList();
        var known = await db.DrawDays.Where(d => due.Contains(d.ServiceDate)).Select(d => d.ServiceDate).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var date in due.Except(known))
        {
            if (await Handle(date, cancellationToken) is Announced)
            {
                count++;
            }
        }
        return count;
    }
}
