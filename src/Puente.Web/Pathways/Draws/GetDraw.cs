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

    public static DrawBeaconSummary Of(string? status, DateTimeOffset? roundAt, string randomness, string? reason, DrawAnnouncement announcement) =>
        announcement.Beacon is not { } named
            ? new(DrawBeaconStatus.NotConfigured, null, null, null, null, null)
            : new(status ?? Awaiting, named.ChainHash, named.Round, roundAt, randomness.Length > 0 ? randomness : null, reason);
}

/// <summary>Reads a draw for the public API, the public page and the CLI.</summary>
internal sealed class GetDraw(PuenteDb db, TimeProvider clock, PublishedAnnouncements announcements, ClosedDayEntries closedEntries)
{
    public async Task<DrawSummary?> Summary(DateOnly serviceDate, CancellationToken ct)
    {
        // Everything but the announcement text and the bundle, which may run to megabytes once drawn.
        var day = await db.DrawDays.AsNoTracking()
            .Where(d => d.ServiceDate == serviceDate)
            .Select(d => new DaySummaryRow(
                d.Status, d.OpensAt, d.ClosesAt, d.Secret, d.Beacon, d.BeaconRoundAt, d.BeaconStatus, d.BeaconReason,
                d.EntriesDigest, d.ResultsDigest, d.EntryCount, d.PersonCount, d.SelectedCount, d.SelectedPersonCount, d.DrawnAt))
            .FirstOrDefaultAsync(ct);
        if (day is null || await announcements.Day(db, serviceDate, day.Secret, ct) is not { } published)
        {
            return null;
        }
        var announcement = published.Announcement;
        var drawn = day.Status == DrawStatus.Drawn;
        var closed = clock.GetUtcNow() >= day.ClosesAt;
        var entries = closed && !drawn ? await closedEntries.Of(db, serviceDate, day.Secret, announcement, ct) : null;
        return new DrawSummary(
            serviceDate, day.Status, day.OpensAt, day.ClosesAt, announcement.Commitment, announcement.PriorityPercent,
            announcement.Ports.Sum(p => p.Slots.Sum(s => s.Capacity)),
            drawn ? day.EntriesDigest : entries?.Digest,
            day.ResultsDigest,
            drawn ? day.EntryCount : entries?.Count,
            drawn ? day.PersonCount : entries?.Persons,
            drawn ? day.SelectedCount : null,
            drawn ? day.SelectedPersonCount : null,
            day.DrawnAt,
            DrawBeaconSummary.Of(day.BeaconStatus, day.BeaconRoundAt, day.Beacon, day.BeaconReason, announcement));
    }

    /// <summary>The columns of a draw day a summary reads: not the announcement text nor the bundle.</summary>
    private sealed record DaySummaryRow(
        DrawStatus Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Secret,
        string Beacon, DateTimeOffset? BeaconRoundAt, string? BeaconStatus, string? BeaconReason,
        string? EntriesDigest, string? ResultsDigest, int EntryCount, int PersonCount,
        int SelectedCount, int SelectedPersonCount, DateTimeOffset? DrawnAt);

    public async Task<string?> BundleJson(DateOnly serviceDate, CancellationToken ct)
    {
        var day = await db.DrawDays.AsNoTracking()
            .Where(d => d.ServiceDate == serviceDate)
            .Select(d => new { d.Secret, d.ClosesAt, d.Announcement, d.Bundle })
            .FirstOrDefaultAsync(ct);
        if (day is null)
        {
            return null;
        }
        if (day.Bundle is not null)
        {
            return day.Bundle;
        }
        if (await announcements.Day(db, serviceDate, day.Secret, ct) is not { } published)
        {
            return null;
        }
        if (clock.GetUtcNow() < day.ClosesAt)
        {
            return $$"""{"announcement":{{day.Announcement}}}""";
        }
        // Closed but not yet drawn: the entries are final and public, the secret is not.
        return (await closedEntries.Of(db, serviceDate, day.Secret, published.Announcement, ct)).Bundle;
    }
}

/// <summary>
/// The entries of days whose window closed and whose draw has not run, computed once and kept: they
/// are final (only a re-entry from the day before may still add some), and the public reads them
/// as often as it likes. A kept computation serves for <see cref="FreshFor"/>, then is made again.
/// </summary>
internal sealed class ClosedDayEntries(TimeProvider clock) : IDisposable
{
    /// <summary>How long a re-entry for a closed day may go unseen by the public summary.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);

    /// <summary>A few days at most are closed and not drawn at once; the bundles may be large.</summary>
    private const int MaxDays = 8;

    public sealed record Computed(string Stamp, DateTimeOffset At, string Digest, int Count, int Persons, string Bundle);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<DateOnly, Computed> kept = new();
    private readonly SemaphoreSlim computing = new(1, 1);

    public async Task<Computed> Of(PuenteDb db, DateOnly serviceDate, string stamp, DrawAnnouncement announcement, CancellationToken ct)
    {
        if (Fresh(serviceDate, stamp) is { } known)
        {
            return known;
        }
        // One computation at a time: a crowd arriving together waits for the first one's result.
        await computing.WaitAsync(ct);
        try
        {
            if (Fresh(serviceDate, stamp) is { } computedMeanwhile)
            {
                return computedMeanwhile;
            }
            var entries = (await db.Requests.AsNoTracking()
                    .Where(r => r.ServiceDate == serviceDate && r.Status != RequestStatus.Withdrawn)
                    .Select(r => new { r.Ticket, r.RegisteredOn, r.Size, r.Ports })
                    .ToListAsync(ct))
                .Select(r => new DrawEntry(r.Ticket, r.RegisteredOn, r.Size, r.Ports.Split(',')))
                .OrderBy(e => e.Ticket, StringComparer.Ordinal)
                .ToList();
            var digest = DrawDigests.EntriesDigest(entries);
            var computed = new Computed(stamp, clock.GetUtcNow(), digest, entries.Count, entries.Sum(e => e.Size),
                DrawBundleJson.Serialize(new DrawBundle(announcement, entries, digest)));
            if (kept.Count >= MaxDays)
            {
                kept.Clear();
            }
            kept[serviceDate] = computed;
            return computed;
        }
        finally
        {
            computing.Release();
        }
    }

    public void Dispose() => computing.Dispose();

    private Computed? Fresh(DateOnly serviceDate, string stamp) =>
        kept.TryGetValue(serviceDate, out var known) && string.Equals(known.Stamp, stamp, StringComparison.Ordinal)
            && clock.GetUtcNow() - known.At < FreshFor
            ? known
            : null;
}
