using System.ComponentModel.DataAnnotations;
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
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Registration;

/// <summary>Creates an applicant account with the people who travel with them.</summary>
internal sealed class RegisterApplicant(PuenteDb db, UserManager<PuenteUser> users, TimeProvider clock, IOptions<PathwaysOptions> options)
{
    /// <summary>The longest name kept; the columns hold no more.</summary>
    public const int MaxNameLength = 200;
    public const int MaxAgeYears = 120;

    public sealed record Person(string? GivenNames, string? FamilyNames, DateOnly? BirthDate, string? Nationality);

    public sealed record Command(
        string? Email,
        string? Phone,
        string? Password,
        string? PreferredLanguage,
        Person? Applicant,
        IReadOnlyList<Person>? Companions);

    public sealed record TravellerResponse(Guid Id, bool IsApplicant, string GivenNames, string FamilyNames, DateOnly BirthDate, string Nationality);

    public sealed record Response(string ApplicantId, DateOnly RegisteredOn, string PreferredLanguage, IReadOnlyList<TravellerResponse> Travellers);

    /// <summary>The account, or what is wrong with which field (fields are JSON paths).</summary>
    public abstract record Outcome;
    public sealed record Registered(Response Account) : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken = default)
    {
        var errors = Validate(command);
        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }
        var userName = command.Email?.Trim() ?? NormalizePhone(command.Phone!);
        var contact = command.Email is null ? "phone" : "email";
        if (await users.FindByNameAsync(userName) is not null)
        {
            return new Invalid([new FieldError(contact, FieldCodes.AccountExists)]);
        }

        var now = clock.GetUtcNow();
        var user = new PuenteUser
        {
            UserName = userName,
            Email = command.Email?.Trim(),
            PhoneNumber = command.Phone is null ? null : NormalizePhone(command.Phone),
            PreferredLanguage = command.PreferredLanguage ?? Languages.Default,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = command.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, command.Password);
        if (!created.Succeeded)
        {
            return new Invalid([.. created.Errors.Select(e => IdentityErrors.ToFieldError(e, contact, users.Options.Password))]);
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
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new Registered(
            new Response(user.Id, applicant.RegisteredOn, user.PreferredLanguage,
                applicant.Travellers.Select(t => new TravellerResponse(t.Id, t.IsApplicant, t.GivenNames, t.FamilyNames, t.BirthDate, t.Nationality)).ToList()));
    }

    private List<FieldError> Validate(Command command)
    {
        var errors = new List<FieldError>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (string.IsNullOrWhiteSpace(command.Email) && string.IsNullOrWhiteSpace(command.Phone))
        {
            errors.Add(new("email", FieldCodes.ContactRequired));
        }
        if (!string.IsNullOrWhiteSpace(command.Email) && !new EmailAddressAttribute().IsValid(command.Email.Trim()))
        {
            errors.Add(new("email", FieldCodes.EmailInvalid));
        }
        if (!string.IsNullOrWhiteSpace(command.Phone) && NormalizePhone(command.Phone).Length is < 8 or > 16)
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
        else
        {
            ValidatePerson(command.Applicant, "applicant", today, errors);
        }
        var companions = command.Companions ?? [];
        if (companions.Count > options.Value.MaxGroupSize)
        {
            errors.Add(new("companions", FieldCodes.TooManyCompanions, options.Value.MaxGroupSize.ToString(CultureInfo.InvariantCulture)));
        }
        for (var i = 0; i < companions.Count; i++)
        {
            ValidatePerson(companions[i], $"companions[{i}]", today, errors);
        }
        return errors;
    }

    private static void ValidatePerson(Person? person, string path, DateOnly today, List<FieldError> errors)
    {
        if (person is null)
        {
            errors.Add(new(path, FieldCodes.PersonMissing));
            return;
        }
        var maxName = MaxNameLength.ToString(CultureInfo.InvariantCulture);
        if (!IsName(person.GivenNames))
        {
            errors.Add(new($"{path}.givenNames", FieldCodes.GivenNamesRequired, maxName));
        }
        if (!IsName(person.FamilyNames))
        {
            errors.Add(new($"{path}.familyNames", FieldCodes.FamilyNamesRequired, maxName));
        }
        if (person.BirthDate is not { } birth || birth > today || birth < today.AddYears(-MaxAgeYears))
        {
            errors.Add(new($"{path}.birthDate", FieldCodes.BirthDateInvalid, MaxAgeYears.ToString(CultureInfo.InvariantCulture)));
        }
        if (person.Nationality is null || !Nationalities.IsKnown(person.Nationality))
        {
            errors.Add(new($"{path}.nationality", FieldCodes.NationalityInvalid));
        }
    }

    private static bool IsName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && PersonIdentity.Fold(name).Length > 0;

    /// <summary>Identity's refusal as a field error: its password rules on the password, its account rules on the contact.</summary>
    private static TravellerRecord ToRecord(string userId, Person person, bool isApplicant) => new()
    {
        Id = Guid.NewGuid(),
        ApplicantUserId = userId,
        IsApplicant = isApplicant,
        GivenNames = person.GivenNames!.Trim(),
        FamilyNames = person.FamilyNames!.Trim(),
        BirthDate = person.BirthDate!.Value,
        Nationality = person.Nationality!.Trim().ToUpperInvariant(),
        IdentityKey = PersonIdentity.Key(person.GivenNames, person.FamilyNames, person.BirthDate.Value, person.Nationality),
    };

    private static string NormalizePhone(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return phone.TrimStart().StartsWith('+') ? "+" + digits : digits;
    }
}
