using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Draws;

/// <summary>A date's draw as the public sees it: commitment, window, digests and counts.</summary>
internal sealed record DrawSummary(
    DateOnly ServiceDate,
    DrawStatus Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    string Commitment,
    int PriorityPercent,
    int Capacity,
    string? EntriesDigest,
    string? ResultsDigest,
    int? Entries,
    int? Persons,
    int? Selected,
    int? SelectedPersons,
    DateTimeOffset? DrawnAt,
    DrawBeaconSummary Beacon);

/// <summary>
/// The public randomness round of a draw: which one was named, when it is published, and, once
/// drawn, whether its randomness was used. <see cref="Status"/> is <c>awaiting</c> before the draw,
/// then one of <see cref="DrawBeaconStatus"/>; <see cref="Reason"/> one of <see cref="DrawBeaconReason"/>.
/// </summary>
internal sealed record DrawBeaconSummary(string Status, string? ChainHash, long? Round, DateTimeOffset? RoundAt, string? Randomness, string? Reason)
{
    public const string Awaiting = "awaiting";

    public static DrawBeaconSummary Of(DrawDayRecord day, DrawAnnouncement announcement) => announcement.Beacon is not { } named
        ? new(DrawBeaconStatus.NotConfigured, null, null, null, null, null)
        : new(day.BeaconStatus ?? Awaiting, named.ChainHash, named.Round, day.BeaconRoundAt,
            day.Beacon.Length > 0 ? day.Beacon : null, day.BeaconReason);
}

/// <summary>Reads a draw for the public API, the public page and the CLI.</summary>
internal sealed class GetDraw(PuenteDb db, TimeProvider clock, PublishedAnnouncements announcements)
{
    public async Task<DrawSummary?> Summary(DateOnly serviceDate, CancellationToken ct)
    {
        var day = await db.DrawDays.AsNoTracking().FirstOrDefaultAsync(d => d.ServiceDate == serviceDate, ct);
        if (day is null)
        {
            return null;
        }
        var announcement = announcements.Of(day);
        var drawn = day.Status == DrawStatus.Drawn;
        var closed = clock.GetUtcNow() >= day.ClosesAt;
        var entries = closed && !drawn ? await Entries(serviceDate, ct) : null;
        return new DrawSummary(
            serviceDate, day.Status, day.OpensAt, day.ClosesAt, announcement.Commitment, announcement.PriorityPercent,
            announcement.Ports.Sum(p => p.Slots.Sum(s => s.Capacity)),
            drawn ? day.EntriesDigest : entries is null ? null : DrawDigests.EntriesDigest(entries),
            day.ResultsDigest,
            drawn ? day.EntryCount : entries?.Count,
            drawn ? day.PersonCount : entries?.Sum(e => e.Size),
            drawn ? day.SelectedCount : null,
            drawn ? day.SelectedPersonCount : null,
            day.DrawnAt,
            DrawBeaconSummary.Of(day, announcement));
    }

    public async Task<string?> BundleJson(DateOnly serviceDate, CancellationToken ct)
    {
        var day = await db.DrawDays.AsNoTracking().FirstOrDefaultAsync(d => d.ServiceDate == serviceDate, ct);
        if (day is null)
        {
            return null;
        }
        if (day.Bundle is not null)
        {
            return day.Bundle;
        }
        var announcement = announcements.Of(day);
        if (clock.GetUtcNow() < day.ClosesAt)
        {
            return $$"""{"announcement":{{day.Announcement}}}""";
        }
        // Closed but not yet drawn: the entries are final and public, the secret is not.
        var entries = await Entries(serviceDate, ct);
        return DrawBundleJson.Serialize(new DrawBundle(announcement, entries, DrawDigests.EntriesDigest(entries)));
    }

    private async Task<List<DrawEntry>> Entries(DateOnly serviceDate, CancellationToken ct) =>
        (await db.Requests.AsNoTracking()
            .Where(r => r.ServiceDate == serviceDate && r.Status != RequestStatus.Withdrawn)
            .Select(r => new { r.Ticket, r.RegisteredOn, r.Size, r.Ports })
            .ToListAsync(ct))
        .Select(r => new DrawEntry(r.Ticket, r.RegisteredOn, r.Size, r.Ports.Split(',')))
        .OrderBy(e => e.Ticket, StringComparer.Ordinal)
        .ToList();
}
