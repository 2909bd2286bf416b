using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Ports;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Pathways.Registration;

namespace Puente.Web.Pathways.CheckIns;

/// <summary>
/// Today's booth manifest for each of the officer's ports, for a booth that may lose its connection: every
/// live pass due today there with its group as registered and small photos. The device keeps it encrypted
/// and deletes it at <see cref="PortManifest.ExpiresAt"/>, the port's next midnight. Every download is
/// written to the audit log: who took which port's personal data, when, and how much of it.
/// </summary>
internal sealed class DownloadManifest(PuenteDb db, BoothManifest manifests, TravellerPhotos photos, AuditLog audit, TimeProvider clock)
{
    public const string AuditAction = "manifest.download";

    public sealed record PortManifest(
        string Port, string PortName, string TimeZone, DateOnly ServiceDate, DateTimeOffset GeneratedAt, DateTimeOffset ExpiresAt,
        IReadOnlyList<ManifestPass> Passes);

    /// <summary>A live pass (its appointment booked or already checked in) and the group it admits.</summary>
    public sealed record ManifestPass(string PassId, string Slot, AppointmentStatus Status, IReadOnlyList<ManifestTraveller> Travellers);

    /// <summary><see cref="Photo"/>: a JPEG at most <see cref="TravellerPhotos.ThumbnailSide"/> pixels, base64, or null.</summary>
    public sealed record ManifestTraveller(BoothManifest.Entry Person, string? Photo);

    public async Task<IReadOnlyList<PortManifest>> Handle(string officerUserId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var ports = await db.OfficerPorts.AsNoTracking().Where(o => o.UserId == officerUserId)
            .Join(db.Ports, o => o.PortCode, p => p.Code, (_, p) => new { p.Code, p.Name, p.TimeZone })
            .OrderBy(p => p.Code).ToListAsync(cancellationToken);
        var result = new List<PortManifest>(ports.Count);
        foreach (var port in ports)
        {
            var today = PortCalendar.Today(now, port.TimeZone);
            var passes = await db.Appointments.AsNoTracking()
                .Where(a => a.PortCode == port.Code && a.ServiceDate == today
                    && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn))
                .Join(db.Passes.Where(p => p.RevokedAt == null), a => a.Id, p => p.AppointmentId,
                    (a, p) => new { p.PassId, a.RequestId, a.SlotStart, a.Status })
                .OrderBy(p => p.SlotStart).ThenBy(p => p.PassId)
                .ToListAsync(cancellationToken);
            var groups = await manifests.Groups(passes.Select(p => p.RequestId).ToList(), today, cancellationToken);
            var thumbnails = await Thumbnails(groups.Values.SelectMany(g => g).Where(m => m.Entry.HasPhoto).Select(m => m.Entry.TravellerId).ToList(), cancellationToken);
            var manifest = new PortManifest(
                port.Code, port.Name, port.TimeZone, today, now,
                PortCalendar.SlotStartsAt(today.AddDays(1), TimeOnly.MinValue, port.TimeZone),
                passes.Select(p => new ManifestPass(p.PassId, p.SlotStart, p.Status,
                    (groups.GetValueOrDefault(p.RequestId) ?? []).Select(m => new ManifestTraveller(m.Entry, thumbnails.GetValueOrDefault(m.Entry.TravellerId))).ToList()))
                .ToList());
            await audit.Append(new AuditLog.Event(officerUserId, AuditAction, "port", port.Code, After: new
            {
                serviceDate = today,
                passes = manifest.Passes.Count,
                travellers = manifest.Passes.Sum(p => p.Travellers.Count),
                photos = thumbnails.Count,
            }), cancellationToken);
            result.Add(manifest);
        }
        return result;
    }

    private async Task<Dictionary<Guid, string>> Thumbnails(IReadOnlyCollection<Guid> travellerIds, CancellationToken cancellationToken)
    {
        var stored = await db.TravellerPhotos.AsNoTracking().Where(p => travellerIds.Contains(p.TravellerId))
            .Select(p => new { p.TravellerId, p.Protected }).ToListAsync(cancellationToken);
        var thumbnails = new Dictionary<Guid, string>(stored.Count);
        foreach (var photo in stored)
        {
            if (TravellerPhotos.Reencode(photos.Unprotect(photo.Protected), TravellerPhotos.ThumbnailSide) is { } small)
            {
                thumbnails[photo.TravellerId] = Convert.ToBase64String(small);
            }
        }
        return thumbnails;
    }
}
