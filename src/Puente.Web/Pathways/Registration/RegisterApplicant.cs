using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Messaging;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Registration;

/// <summary>
/// Creates an applicant account with the people who travel with them. The account starts unverified:
/// a code goes to the e-mail address or phone given, and until it comes back (<see cref="VerifyContact"/>)
/// the account cannot ask for appointments and holds no claim on the contact, so a stranger who
/// registers someone else's address blocks nobody.
/// </summary>
internal sealed class RegisterApplicant(
    PuenteDb db, UserManager<PuenteUser> users, TimeProvider clock, IOptions<PathwaysOptions> options,
    EnqueueMessage enqueue, MessageTemplates templates)
{
    /// <summary>The longest name kept; the columns hold no more.</summary>
    public const int MaxNameLength = 200;
    public const int MaxAgeYears = 120;

    /// <summary>Unverified accounts get a user name no contact can collide with; the contact becomes
    /// the user name once verified.</summary>
    public const string PendingUserNamePrefix = "pending.";

    public sealed record Person(
        string? GivenNames, string? FamilyNames, DateOnly? BirthDate, string? Nationality,
        string? DocumentType = null, string? DocumentCountry = null, string? DocumentNumber = null, string? NoDocumentReason = null);

    public sealed record Command(
        string? Email,
        string? Phone,
        string? Password,
        string? PreferredLanguage,
        Person? Applicant,
        IReadOnlyList<Person>? Companions);

    /// <summary><paramref name="InRequest"/>: entered in a request, so no longer changed (the draw and the pass rely on it).</summary>
    public sealed record TravellerResponse(
        Guid Id, bool IsApplicant, string GivenNames, string FamilyNames, DateOnly BirthDate, string Nationality,
        string? DocumentType, string? DocumentCountry, string? DocumentLastFour, bool InRequest = false);

    /// <summary>Where the code went (masked) and until when it is valid.</summary>
    public sealed record VerificationResponse(string Channel, string SentTo, DateTimeOffset ExpiresAt);

    public sealed record Response(
        string ApplicantId, DateOnly RegisteredOn, string PreferredLanguage, bool Verified,
        VerificationResponse? Verification, IReadOnlyList<TravellerResponse> Travellers);

    /// <summary>The account, or what is wrong with which field (fields are JSON paths).</summary>
    public abstract record Outcome;
    public sealed record Registered(Response Account) : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    public Task<Outcome> Handle(Command command, CancellationToken cancellationToken = default) =>
        Register(command, contactVerified: false, cancellationToken);

    /// <summary>For synthetic applicants of the demo simulation only: their addresses reach nobody, so no
    /// code could come back, and their contact is taken as verified.</summary>
    public Task<Outcome> HandleSimulated(Command command, CancellationToken cancellationToken = default) =>
        Register(command, contactVerified: true, cancellationToken);

    private async Task<Outcome> Register(Command command, bool contactVerified, CancellationToken cancellationToken)
    {
        var errors = Validate(command);
        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }
        var email = ContactAddress.Email(command.Email);
        var phone = ContactAddress.Phone(command.Phone);
        var contact = email ?? phone!;
        var contactField = email is null ? "phone" : "email";
        // Only a verified account owns its contact (its user name is the contact); pending ones never block.
        // When one does, the registration answers exactly as any other (no one learns the contact has an
        // account) and its owner, not the registrant, is told; no code is sent, so it can never be verified
        // and expires with the other unverified accounts.
        var owner = await users.FindByNameAsync(contact);
        if (owner is not null && contactVerified)
        {
            return new Invalid([new FieldError(contactField, FieldCodes.AccountExists)]);
        }

        var now = clock.GetUtcNow();
        var user = new PuenteUser
        {
            UserName = contactVerified ? contact : PendingUserNamePrefix + Guid.NewGuid().ToString("N"),
            Email = email,
            EmailConfirmed = contactVerified && email is not null,
            PhoneNumber = phone,
            PhoneNumberConfirmed = contactVerified && email is null,
            PreferredLanguage = command.PreferredLanguage ?? Languages.Default,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = command.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, command.Password);
        if (!created.Succeeded)
        {
            return new Invalid([.. created.Errors.Select(e => IdentityErrors.ToFieldError(e, contactField, users.Options.Password))]);
        }
        await users.AddToRoleAsync(user, Roles.Applicant);

        var applicant = new ApplicantRecord
        {
            UserId = user.Id,
            RegisteredAt = now,
            RegisteredOn = DateOnly.FromDateTime(now.UtcDateTime),
            Travellers = [ToRecord(user.Id, command.Applicant!, isApplicant: true), .. (command.Companions ?? []).Select(c => ToRecord(user.Id, c, isApplicant: false))],
        };
        db.Applicants.Add(applicant);
        if (contactVerified)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Registered(new Response(user.Id, applicant.RegisteredOn, user.PreferredLanguage, Verified: true, Verification: null,
                applicant.Travellers.Select(ToResponse).ToList()));
        }
        var (code, hash) = ContactVerificationRecord.NewCode(user.Id);
        var verification = new ContactVerificationRecord
        {
            UserId = user.Id, Contact = contact, CodeHash = hash, SentAt = now, ExpiresAt = now + ContactVerificationRecord.CodeLifetime,
            Sends = 1, AccountCreatedAt = now,
        };
        db.ContactVerifications.Add(verification);
        if (owner is null)
        {
            enqueue.ToPerson(db, new Contact(email, phone, user.PreferredLanguage),
                () => templates.ContactCode(user.PreferredLanguage, code, (int)ContactVerificationRecord.CodeLifetime.TotalMinutes));
        }
        else
        {
            enqueue.ToPerson(db, new Contact(owner.Email, owner.PhoneNumber, owner.PreferredLanguage),
                () => templates.AccountExists(owner.PreferredLanguage));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new Registered(
            new Response(user.Id, applicant.RegisteredOn, user.PreferredLanguage, Verified: false,
                new VerificationResponse(contactField, ContactAddress.Masked(contact), verification.ExpiresAt),
                applicant.Travellers.Select(ToResponse).ToList()));
    }

    public static TravellerResponse ToResponse(TravellerRecord t) => ToResponse(t, inRequest: false);

    public static TravellerResponse ToResponse(TravellerRecord t, bool inRequest) =>
        new(t.Id, t.IsApplicant, t.GivenNames, t.FamilyNames, t.BirthDate, t.Nationality,
            t.DocumentType is { } type ? TravelDocument.Code(type) : null, t.DocumentCountry, TravelDocument.LastFour(t.DocumentNumber), inRequest);

    private List<FieldError> Validate(Command command)
    {
        var errors = new List<FieldError>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (string.IsNullOrWhiteSpace(command.Email) && string.IsNullOrWhiteSpace(command.Phone))
        {
            errors.Add(new("email", FieldCodes.ContactRequired));
        }
        if (!string.IsNullOrWhiteSpace(command.Email) && ContactAddress.Email(command.Email) is null)
        {
            errors.Add(new("email", FieldCodes.EmailInvalid));
        }
        if (!string.IsNullOrWhiteSpace(command.Phone) && ContactAddress.Phone(command.Phone) is null)
        {
            errors.Add(new("phone", FieldCodes.PhoneInvalid));
        }
        if (command.PreferredLanguage is not null && !Languages.Supported.Contains(command.PreferredLanguage))
        {
            errors.Add(new("preferredLanguage", FieldCodes.LanguageUnsupported, string.Join(", ", Languages.Supported)));
        }
        if (command.Applicant is null)
        {
            errors.Add(new("applicant", FieldCodes.ApplicantRequired));
        }
        var companions = command.Companions ?? [];
        if (companions.Count > options.Value.MaxGroupSize)
        {
            errors.Add(new("companions", FieldCodes.TooManyCompanions, options.Value.MaxGroupSize.ToString(CultureInfo.InvariantCulture)));
        }
        var people = new List<(string Path, Person? Person)> { ("applicant", command.Applicant) };
        people.AddRange(companions.Select((c, i) => ($"companions[{i}]", (Person?)c)));
        var seen = new List<(string Label, string NamesKey, string? DocumentKey)>();
        foreach (var (path, person) in people)
        {
            if (command.Applicant is null && path == "applicant")
            {
                continue;
            }
            if (!ValidatePerson(person, path, today, errors))
            {
                continue;
            }
            // The same person twice in one registration, by names and birth date or by document.
            var namesKey = PersonIdentity.NamesKey(person!.GivenNames!, person.FamilyNames!, person.BirthDate!.Value);
            var documentKey = DocumentKey(person);
            if (seen.FirstOrDefault(s => s.NamesKey == namesKey || (documentKey is not null && s.DocumentKey == documentKey)) is { Label: not null } twin)
            {
                errors.Add(new(path, FieldCodes.PersonListedTwice, twin.Label));
            }
            seen.Add(($"{person.GivenNames!.Trim()} {person.FamilyNames!.Trim()}", namesKey, documentKey));
        }
        return errors;
    }

    /// <summary>Adds what is wrong with one person; true when nothing is. Also the rules for a traveller added or corrected later.</summary>
    public static bool ValidatePerson(Person? person, string path, DateOnly today, List<FieldError> errors)
    {
        if (person is null)
        {
            errors.Add(new(path, FieldCodes.PersonMissing));
            return false;
        }
        var before = errors.Count;
        var maxName = MaxNameLength.ToString(CultureInfo.InvariantCulture);
        ValidateName(person.GivenNames, $"{path}.givenNames", FieldCodes.GivenNamesRequired, maxName, errors);
        ValidateName(person.FamilyNames, $"{path}.familyNames", FieldCodes.FamilyNamesRequired, maxName, errors);
        if (person.BirthDate is not { } birth || birth > today || birth < today.AddYears(-MaxAgeYears))
        {
            errors.Add(new($"{path}.birthDate", FieldCodes.BirthDateInvalid, MaxAgeYears.ToString(CultureInfo.InvariantCulture)));
        }
        if (person.Nationality is null || !Nationalities.IsKnown(person.Nationality))
        {
            errors.Add(new($"{path}.nationality", FieldCodes.NationalityInvalid));
        }
        var type = TravelDocument.Parse(person.DocumentType);
        if (!string.IsNullOrWhiteSpace(person.DocumentType) && type is null)
        {
            errors.Add(new($"{path}.documentType", FieldCodes.DocumentTypeInvalid));
        }
        else if (person.BirthDate is { } born)
        {
            var problem = TravelDocument.Check(type, person.DocumentCountry, person.DocumentNumber, person.NoDocumentReason, TravelDocument.AgeOn(born, today));
            if (problem == DocumentProblem.None && type is not (null or DocumentType.None) && !Nationalities.IsKnown(person.DocumentCountry!))
            {
                problem = DocumentProblem.CountryRequired;
            }
            var maxNumber = TravelDocument.MaxNumberLength.ToString(CultureInfo.InvariantCulture);
            switch (problem)
            {
                case DocumentProblem.Required: errors.Add(new($"{path}.documentType", FieldCodes.DocumentRequired, TravelDocument.AdultAge.ToString(CultureInfo.InvariantCulture))); break;
                case DocumentProblem.ReasonRequired: errors.Add(new($"{path}.noDocumentReason", FieldCodes.DocumentReasonRequired, TravelDocument.MaxReasonLength.ToString(CultureInfo.InvariantCulture))); break;
                case DocumentProblem.CountryRequired: errors.Add(new($"{path}.documentCountry", FieldCodes.DocumentCountryInvalid)); break;
                case DocumentProblem.NumberRequired or DocumentProblem.NumberInvalid: errors.Add(new($"{path}.documentNumber", FieldCodes.DocumentNumberInvalid, maxNumber)); break;
            }
        }
        return errors.Count == before;
    }

    private static void ValidateName(string? name, string path, string requiredCode, string maxName, List<FieldError> errors)
    {
        var problem = name is { Length: > MaxNameLength } ? NameProblem.Empty : PersonName.Check(name);
        var code = problem switch
        {
            NameProblem.None => null,
            NameProblem.HiddenCharacters => FieldCodes.NameHiddenCharacters,
            NameProblem.NotALetter => FieldCodes.NameNotLetters,
            NameProblem.MixedScripts => FieldCodes.NameMixedScripts,
            _ => requiredCode,
        };
        if (code is not null)
        {
            errors.Add(new(path, code, maxName));
        }
    }

    /// <summary>The same person already in the registration (by names and birth date or by document): the label of that traveller.</summary>
    public static string? ListedAs(Person person, IEnumerable<TravellerRecord> others)
    {
        var namesKey = PersonIdentity.NamesKey(person.GivenNames!, person.FamilyNames!, person.BirthDate!.Value);
        var documentKey = DocumentKey(person);
        return others.FirstOrDefault(o => o.NamesKey == namesKey
                || (documentKey is not null && TravelDocument.Key(o.DocumentType, o.DocumentCountry, o.DocumentNumber) == documentKey)) is { } twin
            ? $"{twin.GivenNames} {twin.FamilyNames}"
            : null;
    }

    private static string? DocumentKey(Person person) =>
        TravelDocument.Key(TravelDocument.Parse(person.DocumentType), person.DocumentCountry, person.DocumentNumber);

    /// <summary>A valid person as stored; <paramref name="keep"/> keeps a corrected traveller's identity.</summary>
    public static TravellerRecord ToRecord(string userId, Person person, bool isApplicant, Guid? keep = null)
    {
        var id = keep ?? Guid.NewGuid();
        var type = TravelDocument.Parse(person.DocumentType);
        var hasNumber = type is not (null or DocumentType.None);
        return new()
        {
            Id = id,
            ApplicantUserId = userId,
            IsApplicant = isApplicant,
            GivenNames = person.GivenNames!.Trim(),
            FamilyNames = person.FamilyNames!.Trim(),
            BirthDate = person.BirthDate!.Value,
            Nationality = person.Nationality!.Trim().ToUpperInvariant(),
            DocumentType = type,
            DocumentCountry = hasNumber ? person.DocumentCountry!.Trim().ToUpperInvariant() : null,
            DocumentNumber = hasNumber ? TravelDocument.NormalizeNumber(person.DocumentNumber) : null,
            NoDocumentReason = type == DocumentType.None ? person.NoDocumentReason!.Trim() : null,
            NamesKey = PersonIdentity.NamesKey(person.GivenNames, person.FamilyNames, person.BirthDate.Value),
            EntryKey = PersonIdentity.EntryKey(DocumentKey(person), id),
        };
    }
}
