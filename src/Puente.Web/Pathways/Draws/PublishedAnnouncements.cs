using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Draws;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Draws;

/// <summary>
/// What never changes about a published draw day: its window and its announcement, parsed once, with
/// the ports it offers. <see cref="Stamp"/> tells this day from another row for the same date.
/// </summary>
internal sealed record PublishedDay(
    DateOnly ServiceDate, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DrawAnnouncement Announcement, FrozenSet<string> OfferedPorts, string Stamp);

/// <summary>
/// The announcements of draw days, each parsed once and kept: once published an announcement never
/// changes, and requests, the schedule, the draw and the pages all read it. Several instances may share
/// the database, so a kept day is used only when the caller's own query, in its one round trip, read
/// the same stamp for the date (docs/decisions/0019-draw-days-kept-in-memory.md).
/// </summary>
internal sealed class PublishedAnnouncements
{
    /// <summary>About a month of windows, past and future; beyond that the oldest are parsed again if asked for.</summary>
    private const int MaxDays = 64;

    private readonly ConcurrentDictionary<DateOnly, (string Json, DrawAnnouncement Announcement)> parsed = new();
    private readonly ConcurrentDictionary<DateOnly, PublishedDay> days = new();

    public DrawAnnouncement Of(DrawDayRecord day) => Of(day.ServiceDate, day.Announcement);

    public DrawAnnouncement Of(DateOnly serviceDate, string json)
    {
        // The stored text is compared, not trusted by date alone: a database restored from elsewhere
        // may hold another announcement for the same day.
        if (parsed.TryGetValue(serviceDate, out var known) && string.Equals(known.Json, json, StringComparison.Ordinal))
        {
            return known.Announcement;
        }
        var announcement = DrawBundleJson.ParseAnnouncement(json)
            ?? throw new InvalidOperationException($"The stored announcement for {IsoDate(serviceDate)} is unreadable.");
        if (parsed.Count >= MaxDays)
        {
            parsed.Clear();
        }
        parsed[serviceDate] = (json, announcement);
        return announcement;
    }

    /// <summary>
    /// The day whose stamp the caller just read; read from the database (one more round trip) only
    /// the first time, or when the row for the date is no longer the one kept. Null when it is gone.
    /// The stamp is the day's secret, drawn once when the date is announced, so another row for the
    /// date (a database restored from elsewhere, a demo reset) has another; it is compared, never shown.
    /// </summary>
    public async Task<PublishedDay?> Day(PuenteDb db, DateOnly serviceDate, string stamp, CancellationToken cancellationToken)
    {
        if (days.TryGetValue(serviceDate, out var known) && string.Equals(known.Stamp, stamp, StringComparison.Ordinal))
        {
            return known;
        }
        var row = await db.DrawDays.AsNoTracking()
            .Where(d => d.ServiceDate == serviceDate)
            .Select(d => new { d.OpensAt, d.ClosesAt, d.Announcement, d.Secret })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var announcement = Of(serviceDate, row.Announcement);
        var day = new PublishedDay(serviceDate, row.OpensAt, row.ClosesAt, announcement,
            announcement.Ports.Select(p => p.Code).ToFrozenSet(StringComparer.Ordinal), row.Secret);
        if (days.Count >= MaxDays)
        {
            days.Clear();
        }
        days[serviceDate] = day;
        return day;
    }

    private static string IsoDate(DateOnly date) => Hosting.IsoDates.Write(date);
}
