using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Pathways.Registration;

/// <summary>
/// Sets a new password with the code <see cref="SendRecoveryCode"/> sent. An unknown contact, a wrong code,
/// an expired one and one with no tries left are one answer; the password rules are those of registering.
/// </summary>
internal sealed class ResetPassword(PuenteDb db, UserManager<PuenteUser> users, TimeProvider clock)
{
    public abstract record Outcome;
    public sealed record Reset : Outcome;
    public sealed record CodeRefused : Outcome;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    public async Task<Outcome> Handle(string? contact, string? code, string? password, CancellationToken cancellationToken = default)
    {
        if (await RecoveryCode.Account(db, contact, cancellationToken) is not { } user
            || await RecoveryCode.Read(users, user) is not { } stored
            || clock.GetUtcNow() > stored.ExpiresAt || stored.Attempts >= ContactVerificationRecord.MaxAttempts)
        {
            return new CodeRefused();
        }
        var expected = Encoding.ASCII.GetBytes(stored.Hash);
        var given = Encoding.ASCII.GetBytes(ContactVerificationRecord.Hash(user.Id, (code ?? "").Trim()));
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            await (stored with { Attempts = stored.Attempts + 1 }).Write(users, user);
            return new CodeRefused();
        }
        // The rules are checked before the old password goes, so a refused one leaves the account as it was.
        var refused = new List<FieldError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password ?? "");
            refused.AddRange(result.Errors.Select(e => IdentityErrors.ToFieldError(e, "contact", users.Options.Password)));
        }
        if (refused.Count > 0)
        {
            return new Invalid(refused);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Both change the security stamp, so sessions signed in with the old password end.
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password!);
        await users.RemoveAuthenticationTokenAsync(user, RecoveryCode.Provider, RecoveryCode.Name);
        await transaction.CommitAsync(cancellationToken);
        return new Reset();
    }
}
