using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Accounts;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Registration;

/// <summary>
/// A recovery code kept as an Identity user token (only its hash, bound to the account as a contact code
/// is), with its expiry and tries; and how an account is found by the contact a person types.
/// </summary>
internal sealed record RecoveryCode(string Hash, DateTimeOffset SentAt, DateTimeOffset ExpiresAt, int Attempts)
{
    public const string Provider = "Puente";
    public const string Name = "recover-access";

    public static async Task<RecoveryCode?> Read(UserManager<PuenteUser> users, PuenteUser user) =>
        await users.GetAuthenticationTokenAsync(user, Provider, Name) is { } stored && stored.Split('|') is [var hash, var sent, var expires, var attempts]
            ? new RecoveryCode(hash, DateTimeOffset.Parse(sent, CultureInfo.InvariantCulture), DateTimeOffset.Parse(expires, CultureInfo.InvariantCulture),
                int.Parse(attempts, CultureInfo.InvariantCulture))
            : null;

    public Task Write(UserManager<PuenteUser> users, PuenteUser user) =>
        users.SetAuthenticationTokenAsync(user, Provider, Name, string.Join('|',
            Hash, SentAt.ToString("O", CultureInfo.InvariantCulture), ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
            Attempts.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The account whose verified e-mail or phone this is; null for anything else, unverified contacts included.</summary>
    public static async Task<PuenteUser?> Account(PuenteDb db, string? contact, CancellationToken cancellationToken)
    {
        if (ContactAddress.Email(contact) is { } email)
        {
            var normalized = email.ToUpperInvariant();
            return await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.EmailConfirmed, cancellationToken);
        }
        return ContactAddress.Phone(contact) is { } phone
            ? await db.Users.FirstOrDefaultAsync(u => u.PhoneNumber == phone && u.PhoneNumberConfirmed, cancellationToken)
            : null;
    }
}
