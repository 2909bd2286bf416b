using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Registration;

/// <summary>Stores (or replaces) the photo of one of the applicant's own travellers.</summary>
internal sealed class SaveTravellerPhoto(PuenteDb db, TravellerPhotos photos, TimeProvider clock)
{
    public abstract record Outcome;
    public sealed record Saved : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record NotAnImage : Outcome;

    public Task<Outcome> Handle(string applicantUserId, Guid travellerId, byte[] upload, CancellationToken cancellationToken = default) =>
        TravellerPhotos.Reencode(upload) is { } jpeg ? Store(applicantUserId, travellerId, jpeg, cancellationToken) : Task.FromResult<Outcome>(new NotAnImage());

    /// <summary>Stores a photo already re-encoded by <see cref="TravellerPhotos.Reencode"/>.</summary>
    public async Task<Outcome> Store(string applicantUserId, Guid travellerId, byte[] jpeg, CancellationToken cancellationToken = default)
    {
        if (!await db.Travellers.AnyAsync(t => t.Id == travellerId && t.ApplicantUserId == applicantUserId, cancellationToken))
        {
            return new NotFound();
        }
        var stored = photos.Protect(jpeg);
        var existing = await db.TravellerPhotos.FirstOrDefaultAsync(p => p.TravellerId == travellerId, cancellationToken);
        if (existing is null)
        {
            db.TravellerPhotos.Add(new TravellerPhotoRecord { TravellerId = travellerId, Protected = stored, TakenAt = clock.GetUtcNow() });
        }
        else
        {
            existing.Protected = stored;
            existing.TakenAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        return new Saved();
    }
}
