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
/// The secret comes from a CSPRNG and is stored before any entry can exist. With a beacon configured,
/// the announcement also names the drand round the draw will wait for: the first published after the
/// window closes (plus a margin), so no one, the operator included, can know it while entries are open.
/// </summary>
internal sealed class AnnounceDraw(PuenteDb db, DailySchedule schedule, IOptions<PathwaysOptions> options, IOptions<BeaconOptions> beaconOptions, TimeProvider clock)
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
        var window = options.Value.Window;
        var closesAt = window.ClosesAt(serviceDate);
        var (beacon, beaconRoundAt) = BeaconRound(closesAt);
        var announcement = new DrawAnnouncement(
            DrawProtocol.Name,
            serviceDate,
            DrawDigests.Commitment(secret),
            options.Value.PriorityPercent,
            ports,
            beacon);
        var day = new DrawDayRecord
        {
            ServiceDate = serviceDate,
            Status = DrawStatus.Announced,
            OpensAt = window.OpensAt(serviceDate),
            ClosesAt = closesAt,
            Secret = Convert.ToHexStringLower(secret),
            Announcement = DrawBundleJson.SerializeAnnouncement(announcement),
            BeaconRoundAt = beaconRoundAt,
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

    private (DrawBeaconRound? Round, DateTimeOffset? At) BeaconRound(DateTimeOffset closesAt)
    {
        var beacon = beaconOptions.Value;
        if (!beacon.Enabled)
        {
            return (null, null);
        }
        var round = beacon.Chain.FirstRoundAfter(closesAt.AddSeconds(beacon.MarginSeconds));
        return (new DrawBeaconRound(beacon.ChainHash!, round), beacon.Chain.TimeOf(round));
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
