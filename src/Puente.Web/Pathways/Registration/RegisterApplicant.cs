using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Database;
using Puente.Web.Accounts;
using Puente.Web.Hosting;

using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Registration;

/// <summary>Creates an applicant account with the people who travel with them.</summary>
internal sealed class RegisterApplicant(PuenteDb db, UserManager<PuenteUser> users, TimeProvider clock, IOptions<PathwaysOptions> options)
{
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

    /// <summary>The account, or the problems per field (keys are JSON paths, messages are resource keys' text).</summary>
    public sealed record Outcome(Response? Registered, IDictionary<string, string[]> Problems);

    public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken = default)
    {
        var problems = Validate(command);
        if (problems.Count > 0)
        {
            return new Outcome(null, problems);
        }
        var userName = command.Email?.Trim() ?? NormalizePhone(command.Phone!);
        if (await users.FindByNameAsync(userName) is not null)
        {
            return new Outcome(null, new Dictionary<string, string[]>
            {
                [command.Email is null ? "phone" : "email"] = ["An account with this email or phone already exists."],
            });
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
            return new Outcome(null, new Dictionary<string, string[]> { ["password"] = created.Errors.Select(e => e.Description).ToArray() });
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

        return new Outcome(
            new Response(user.Id, applicant.RegisteredOn, user.PreferredLanguage,
                applicant.Travellers.Select(t => new TravellerResponse(t.Id, t.IsApplicant, t.GivenNames, t.FamilyNames, t.BirthDate, t.Nationality)).ToList()),
            new Dictionary<string, string[]>());
    }

    private Dictionary<string, string[]> Validate(Command command)
    {
        var problems = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (string.IsNullOrWhiteSpace(command.Email) && string.IsNullOrWhiteSpace(command.Phone))
        {
            problems["email"] = ["Give an email address or a phone number."];
        }
        if (!string.IsNullOrWhiteSpace(command.Email) && !new EmailAddressAttribute().IsValid(command.Email.Trim()))
        {
            problems["email"] = ["This is not an email address."];
        }
        if (!string.IsNullOrWhiteSpace(command.Phone) && NormalizePhone(command.Phone).Length is < 8 or > 16)
        {
            problems["phone"] = ["A phone number has 8 to 15 digits, with an optional leading +."];
        }
        if (command.PreferredLanguage is not null && !Languages.Supported.Contains(command.PreferredLanguage))
        {
            problems["preferredLanguage"] = [$"Choose one of: {string.Join(", ", Languages.Supported)}."];
        }
        if (command.Applicant is null)
        {
            problems["applicant"] = ["The applicant's own details are required."];
        }
        else
        {
            ValidatePerson(command.Applicant, "applicant", today, problems);
        }
        var companions = command.Companions ?? [];
        if (companions.Count > options.Value.MaxGroupSize)
        {
            problems["companions"] = [$"At most {options.Value.MaxGroupSize} companions."];
        }
        for (var i = 0; i < companions.Count; i++)
        {
            ValidatePerson(companions[i], $"companions[{i}]", today, problems);
        }
        return problems;
    }

    private static void ValidatePerson(Person? person, string path, DateOnly today, Dictionary<string, string[]> problems)
    {
        if (person is null)
        {
            problems[path] = ["Missing."];
            return;
        }
        if (string.IsNullOrWhiteSpace(person.GivenNames) || person.GivenNames.Length > 200 || PersonIdentity.Fold(person.GivenNames).Length == 0)
        {
            problems[$"{path}.givenNames"] = ["Given names are required (up to 200 characters)."];
        }
        if (string.IsNullOrWhiteSpace(person.FamilyNames) || person.FamilyNames.Length > 200 || PersonIdentity.Fold(person.FamilyNames).Length == 0)
        {
            problems[$"{path}.familyNames"] = ["Family names are required (up to 200 characters)."];
        }
        if (person.BirthDate is not { } birth || birth > today || birth < today.AddYears(-120))
        {
            problems[$"{path}.birthDate"] = ["A birth date (YYYY-MM-DD) in the past 120 years is required."];
        }
        if (person.Nationality is null || !Nationalities.IsKnown(person.Nationality))
        {
            problems[$"{path}.nationality"] = ["Nationality is a three-letter ISO 3166 code, e.g. MEX, HTI, VEN."];
        }
    }

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
