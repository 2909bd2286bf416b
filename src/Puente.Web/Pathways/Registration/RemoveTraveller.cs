using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Registration;

/// <summary>Takes a companion off the applicant's registration, unless they are entered in a request.</summary>
internal sealed class RemoveTraveller(PuenteDb db)
{
    public abstract record Outcome;
    public sealed record Removed : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record InRequest : Outcome;

    /// <summary>The applicant is the registration itself: they are corrected, never removed.</summary>
    public sealed record IsApplicant : Outcome;

    public async Task<Outcome> Handle(string applicantUserId, Guid travellerId, CancellationToken cancellationToken = default)
    {
        var mine = db.Travellers.Where(t => t.Id == travellerId && t.ApplicantUserId == applicantUserId);
        // One statement that deletes only what may go; when nothing went, the row says why.
        var removed = await mine.Where(t => !t.IsApplicant && !db.RequestTravellers.Any(rt => rt.TravellerId == t.Id))
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
        {
            return new Removed();
        }
        var why = await mine.Select(t => new { t.IsApplicant, Entered = db.RequestTravellers.Any(rt => rt.TravellerId == t.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        return why switch
        {
            null => new NotFound(),
            { Entered: true } => new InRequest(),
            _ => new IsApplicant(),
        };
    }
}
