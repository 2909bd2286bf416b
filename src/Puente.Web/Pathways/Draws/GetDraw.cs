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
    DateTimeOffset? DrawnAt);

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
            day.DrawnAt);
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
