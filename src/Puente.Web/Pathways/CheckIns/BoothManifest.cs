using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways.Registration;
using Puente.Web.Database;

namespace Puente.Web.Pathways.CheckIns;

/// <summary>
/// Who a group really is, from the registration rather than the pass: what the officer compares with the
/// people and the papers in hand, for one scanned pass or for a whole day's download.
/// </summary>
internal sealed class BoothManifest(PuenteDb db)
{
    /// <summary>A traveller as registered. <see cref="SharesNamesWithAnotherEntry"/>: someone else entered for
    /// the date with the same names and birth date (another document, or none): look closer.</summary>
    public sealed record Entry(
        Guid TravellerId, string GivenNames, string FamilyNames, DateOnly BirthDate, string Nationality,
        string? DocumentType, string? DocumentCountry, string? DocumentLastFour, bool HasPhoto, bool SharesNamesWithAnotherEntry);

    /// <summary>An entry with the identity one check-in per date is keyed on.</summary>
    public sealed record Member(Entry Entry, string IdentityKey);

    /// <summary>Each request's travellers, applicant first, then by birth date.</summary>
    public async Task<Dictionary<Guid, List<Member>>> Groups(IReadOnlyCollection<Guid> requestIds, DateOnly serviceDate, CancellationToken cancellationToken)
    {
        var travellers = await db.RequestTravellers.AsNoTracking()
            .Where(rt => requestIds.Contains(rt.RequestId))
            .Join(db.Travellers, rt => rt.TravellerId, t => t.Id, (rt, t) => new { rt.RequestId, rt.EntryKey, rt.NamesKey, Traveller = t })
            .ToListAsync(cancellationToken);
        var namesKeys = travellers.Select(t => t.NamesKey).Distinct().ToList();
        // Another entry: the same names key under a different request that date.
        var entries = await db.RequestTravellers.AsNoTracking()
            .Where(o => o.ServiceDate == serviceDate && namesKeys.Contains(o.NamesKey))
            .Select(o => new { o.NamesKey, o.RequestId }).Distinct().ToListAsync(cancellationToken);
        var requestsByNames = entries.GroupBy(e => e.NamesKey).ToDictionary(g => g.Key, g => g.Select(e => e.RequestId).ToHashSet());
        var ids = travellers.Select(t => t.Traveller.Id).ToList();
        var photographed = (await db.TravellerPhotos.AsNoTracking().Where(p => ids.Contains(p.TravellerId)).Select(p => p.TravellerId)
            .ToListAsync(cancellationToken)).ToHashSet();
        return travellers
            .OrderByDescending(t => t.Traveller.IsApplicant).ThenBy(t => t.Traveller.BirthDate)
            .GroupBy(t => t.RequestId)
            .ToDictionary(g => g.Key, g => g.Select(t => new Member(
                new Entry(
                    t.Traveller.Id, t.Traveller.GivenNames, t.Traveller.FamilyNames, t.Traveller.BirthDate, t.Traveller.Nationality,
                    t.Traveller.DocumentType is { } type ? TravelDocument.Code(type) : null, t.Traveller.DocumentCountry,
                    TravelDocument.LastFour(t.Traveller.DocumentNumber), photographed.Contains(t.Traveller.Id),
                    requestsByNames.TryGetValue(t.NamesKey, out var others) && others.Any(r => r != t.RequestId)),
                TravellerCheckInRecord.IdentityOf(t.EntryKey, t.NamesKey))).ToList());
    }
}
