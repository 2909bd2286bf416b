using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Protection.Cases;
using Puente.Domain.Protection.Jurisdiction;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Protection.Jurisdiction;
using Puente.Web.Protection.Privacy;

namespace Puente.Web.Protection.Cases;

/// <summary>
/// Intake by a caseworker or a call-centre agent: the case is routed to the consulate with
/// jurisdiction over where the person is on the intake date; a supervisor may route it elsewhere, with a reason.
/// </summary>
internal sealed class OpenCase(PuenteDb db, CaseSeal seal, FindJurisdiction jurisdiction, AuditLog audit, CaseChange change,
    TimeProvider clock, IOptions<ProtectionOptions> options)
{
    public const int MaxName = 200;
    public const int MaxNarrative = 4000;

    public sealed record Location(string? State, string? County, string? CountyName, string? Facility);

    public sealed record Command(
        string? GivenNames,
        string? FamilyNames,
        string? BirthDate,
        string? Phone,
        string? Email,
        Location? Location,
        CaseCategory? Category,
        string? Subtype,
        CaseUrgency? Urgency,
        string? Narrative,
        bool? Consent,
        string? Consulate = null,
        string? OverrideReason = null);

    public abstract record Outcome;

    public sealed record Opened(Guid Id, string Number, string Consulate, string? RoutedTo, DateOnly? RoutedSince, DateTimeOffset FirstContactDue) : Outcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    public async Task<Outcome> Handle(Command command, CaseActor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var errors = Validate(command, actor);
        var birthDate = IsoDates.Parse(command.BirthDate);
        FindJurisdiction.Found? routed = null;
        if (errors.Count == 0)
        {
            var location = command.Location!;
            var query = new FindJurisdiction.Query(
                string.IsNullOrWhiteSpace(location.County) ? null : location.County.Trim(),
                location.State, string.IsNullOrWhiteSpace(location.CountyName) ? "-" : location.CountyName, DateOnly.FromDateTime(now.UtcDateTime));
            routed = jurisdiction.Handle(query) as FindJurisdiction.Found;
            if (routed is null && command.Consulate is null)
            {
                errors.Add(new("location.county", FieldCodes.CaseCountyUnmapped, location.County ?? location.CountyName ?? location.State ?? ""));
            }
        }
        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var id = Guid.CreateVersion7(now);
        var person = new CasePerson(command.GivenNames!.Trim(), command.FamilyNames!.Trim(), birthDate,
            Blank(command.Phone), Blank(command.Email), Blank(command.Location!.Facility), command.Narrative!.Trim());
        var consulate = command.Consulate?.Trim() ?? routed!.Consulate.Code;
        var deadlines = new CaseDeadlines(
            TimeSpan.FromHours(options.Value.CriticalFirstContactHours),
            TimeSpan.FromHours(options.Value.HighFirstContactHours),
            TimeSpan.FromHours(options.Value.NormalFirstContactHours));
        var record = new ProtectionCaseRecord
        {
            Id = id,
            Number = NewNumber(),
            ConsulateCode = consulate,
            RoutedConsulateCode = routed?.Consulate.Code,
            Category = command.Category!.Value,
            Subtype = command.Subtype!,
            Urgency = command.Urgency!.Value,
            Status = CaseStatus.New,
            StateCode = command.Location.State!.Trim().ToUpperInvariant(),
            CountyFips = routed?.County is { Length: 5 } fips && !fips.EndsWith("000", StringComparison.Ordinal) ? fips : null,
            Initials = PersonNames.Initials(person.GivenNames, person.FamilyNames),
            Sealed = seal.Seal(id, person.ToJson()),
            Consent = true,
            OpenedAt = now,
            OpenedByUserId = actor.UserId,
            FirstContactDueAt = deadlines.FirstContactDue(command.Urgency.Value, now),
            UpdatedAt = now,
            NameTerms = [.. seal.IndexTerms(person.GivenNames, person.FamilyNames).Select(t => new CaseNameTermRecord { CaseId = id, Term = t })],
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ProtectionCases.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        var details = new { routedTo = routed?.Consulate.Code, routedSince = routed?.Since, overrideReason = Blank(command.OverrideReason) };
        await audit.Append(new AuditLog.Event(actor.Email, "case.opened-intake", CaseChange.EntityType, id.ToString(), null,
            new { after = await change.View(record, cancellationToken), details }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Opened(id, record.Number, consulate, routed?.Consulate.Code, routed?.Since, record.FirstContactDueAt);
    }

    private List<FieldError> Validate(Command command, CaseActor actor)
    {
        var errors = new List<FieldError>();
        Require(errors, "givenNames", command.GivenNames, MaxName);
        Require(errors, "familyNames", command.FamilyNames, MaxName);
        Require(errors, "narrative", command.Narrative, MaxNarrative);
        if (command.BirthDate is not null && IsoDates.Parse(command.BirthDate) is null)
        {
            errors.Add(new("birthDate", FieldCodes.BirthDateInvalid));
        }
        if (command.Location?.State is not { } state || UsStates.FipsOf(state.Trim().ToUpperInvariant()) is null)
        {
            errors.Add(new("location.state", FieldCodes.CaseStateInvalid));
        }
        else if (command.Location.County is { Length: > 0 } county && !(county.Trim().Length == 5 && county.Trim().StartsWith(UsStates.FipsOf(state.Trim().ToUpperInvariant())!, StringComparison.Ordinal)))
        {
            errors.Add(new("location.county", FieldCodes.CaseCountyInvalid, county));
        }
        if (command.Category is not { } category)
        {
            errors.Add(new("category", FieldCodes.CaseCategoryRequired));
        }
        else if (command.Subtype is null || !CaseSubtypes.Belongs(category, command.Subtype))
        {
            errors.Add(new("subtype", FieldCodes.CaseSubtypeInvalid, string.Join(", ", CaseSubtypes.ByCategory[category])));
        }
        if (command.Urgency is null)
        {
            errors.Add(new("urgency", FieldCodes.CaseUrgencyRequired));
        }
        if (command.Consent is not true)
        {
            errors.Add(new("consent", FieldCodes.CaseConsentRequired));
        }
        if (command.Consulate is not null)
        {
            if (!actor.IsSupervisor)
            {
                errors.Add(new("consulate", FieldCodes.CaseOverrideSupervisorsOnly));
            }
            else if (!jurisdiction.Exists(command.Consulate.Trim()))
            {
                errors.Add(new("consulate", FieldCodes.ConsulateUnknown, command.Consulate));
            }
            else if (string.IsNullOrWhiteSpace(command.OverrideReason))
            {
                errors.Add(new("overrideReason", FieldCodes.CaseReasonRequired));
            }
        }
        return errors;
    }

    private static void Require(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors.Add(new(field, FieldCodes.CaseTextRequired, max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Crockford's base32 without I, L, O, U: read aloud over a phone line without confusion.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static string NewNumber() =>
        "PC-" + string.Concat(RandomNumberGenerator.GetBytes(8).Select(b => Alphabet[b % 32]));
}
