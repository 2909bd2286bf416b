using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Pathways.Registration;

/// <summary>
/// Adds a person to the applicant's registration, or corrects one, with the same rules as registering.
/// A traveller already entered in a request is not changed: the draw's entry, the pass's initials and the
/// port's manifest were all made from what was registered then.
/// </summary>
internal sealed class SaveTraveller(PuenteDb db, TimeProvider clock, IOptions<PathwaysOptions> options)
{
    public abstract record Outcome;
    public sealed record Saved(RegisterApplicant.TravellerResponse Traveller) : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    /// <summary>No registration, or no such traveller of this applicant: the two look the same.</summary>
    public sealed record NotFound : Outcome;
    public sealed record InRequest : Outcome;

    /// <summary>A new traveller when <paramref name="travellerId"/> is null, else a correction of that one.</summary>
    public async Task<Outcome> Handle(string applicantUserId, Guid? travellerId, RegisterApplicant.Person? person, CancellationToken cancellationToken = default)
    {
        if (!await db.Applicants.AnyAsync(a => a.UserId == applicantUserId, cancellationToken))
        {
            return new NotFound();
        }
        var mine = await db.Travellers.AsNoTracking().Where(t => t.ApplicantUserId == applicantUserId).ToListAsync(cancellationToken);
        var existing = travellerId is { } id ? mine.FirstOrDefault(t => t.Id == id) : null;
        if (travellerId is not null && existing is null)
        {
            return new NotFound();
        }
        if (existing is not null && await Entered(existing.Id).AnyAsync(cancellationToken))
        {
            return new InRequest();
        }
        var errors = Validate(person, existing, mine);
        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }
        var record = RegisterApplicant.ToRecord(applicantUserId, person!, existing?.IsApplicant ?? false, existing?.Id);
        if (existing is null)
        {
            db.Travellers.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(RegisterApplicant.ToResponse(record));
        }
        // Conditional on not being entered, so a request submitted meanwhile is never left pointing at other data.
        var changed = await db.Travellers
            .Where(t => t.Id == record.Id && t.ApplicantUserId == applicantUserId && !db.RequestTravellers.Any(rt => rt.TravellerId == t.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.GivenNames, record.GivenNames)
                .SetProperty(t => t.FamilyNames, record.FamilyNames)
                .SetProperty(t => t.BirthDate, record.BirthDate)
                .SetProperty(t => t.Nationality, record.Nationality)
                .SetProperty(t => t.DocumentType, record.DocumentType)
                .SetProperty(t => t.DocumentCountry, record.DocumentCountry)
                .SetProperty(t => t.DocumentNumber, record.DocumentNumber)
                .SetProperty(t => t.NoDocumentReason, record.NoDocumentReason)
                .SetProperty(t => t.NamesKey, record.NamesKey)
                .SetProperty(t => t.EntryKey, record.EntryKey), cancellationToken);
        return changed == 1 ? new Saved(RegisterApplicant.ToResponse(record)) : new InRequest();
    }

    /// <summary>The requests a traveller is entered in; withdrawing a request takes its travellers out.</summary>
    private IQueryable<Requests.RequestTravellerRecord> Entered(Guid travellerId) => db.RequestTravellers.Where(rt => rt.TravellerId == travellerId);

    private List<FieldError> Validate(RegisterApplicant.Person? person, TravellerRecord? existing, List<TravellerRecord> mine)
    {
        var errors = new List<FieldError>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (existing is null && mine.Count(t => !t.IsApplicant) >= options.Value.MaxGroupSize)
        {
            errors.Add(new("companions", FieldCodes.TooManyCompanions, options.Value.MaxGroupSize.ToString(CultureInfo.InvariantCulture)));
            return errors;
        }
        // The registration's rules, field for field; paths are the body's own fields here.
        if (!RegisterApplicant.ValidatePerson(person, "", today, errors))
        {
            return [.. errors.Select(e => e with { Field = e.Field.TrimStart('.') is { Length: > 0 } field ? field : "traveller" })];
        }
        if (RegisterApplicant.ListedAs(person!, mine.Where(t => t.Id != existing?.Id)) is { } twin)
        {
            errors.Add(new("traveller", FieldCodes.PersonListedTwice, twin));
        }
        return errors;
    }
}
