using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Accounts;
using Puente.Web.Database;

namespace Puente.Web.Pathways.Registration;

/// <summary>
/// Checks the code sent at registration. The first correct code makes the contact the account's user
/// name (a unique index: one verified account per contact) and deletes every other unverified account
/// that named the same contact, since none of them could prove it.
/// </summary>
internal sealed class VerifyContact(PuenteDb db, UserManager<PuenteUser> users, TimeProvider clock)
{
    public abstract record Outcome;
    public sealed record Verified(string Contact) : Outcome;
    /// <summary>No such unverified account (never was, already expired, or already verified).</summary>
    public sealed record NotFound : Outcome;
    public sealed record AlreadyVerified : Outcome;
    public sealed record Wrong(int TriesLeft) : Outcome;
    public sealed record Expired : Outcome;
    public sealed record NoTriesLeft : Outcome;
    /// <summary>Another account verified this contact first.</summary>
    public sealed record ContactTaken : Outcome;

    public async Task<Outcome> Handle(string? userId, string? code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            return new NotFound();
        }
        var now = clock.GetUtcNow();
        var verification = await db.ContactVerifications.AsNoTracking().FirstOrDefaultAsync(v => v.UserId == userId, cancellationToken);
        if (verification is null)
        {
            return await db.Users.AnyAsync(u => u.Id == userId && (u.EmailConfirmed || u.PhoneNumberConfirmed), cancellationToken)
                ? new AlreadyVerified() : new NotFound();
        }
        if (now >= verification.AccountCreatedAt + ContactVerificationRecord.AccountLifetime)
        {
            return new NotFound();
        }
        if (verification.Attempts >= ContactVerificationRecord.MaxAttempts)
        {
            return new NoTriesLeft();
        }
        if (now >= verification.ExpiresAt)
        {
            return new Expired();
        }
        // Spend a try before comparing, conditionally, so parallel guesses cannot exceed the limit.
        var attempt = verification.Attempts;
        var claimed = await db.ContactVerifications
            .Where(v => v.UserId == userId && v.Attempts == attempt && v.CodeHash == verification.CodeHash)
            .ExecuteUpdateAsync(v => v.SetProperty(x => x.Attempts, attempt + 1), cancellationToken);
        if (claimed == 0)
        {
            return await Handle(userId, code, cancellationToken);
        }
        if (code is null || code.Trim().Length != 6 || !verification.Matches(code))
        {
            var left = ContactVerificationRecord.MaxAttempts - attempt - 1;
            return left > 0 ? new Wrong(left) : new NoTriesLeft();
        }
        return await Confirm(userId, verification.Contact, cancellationToken);
    }

    /// <summary>Makes the contact the account's own.</summary>
    public async Task<Outcome> Confirm(string userId, string contact, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new NotFound();
        }
        var isEmail = contact.Contains('@', StringComparison.Ordinal);
        user.UserName = contact;
        user.EmailConfirmed = isEmail;
        user.PhoneNumberConfirmed = !isEmail;
        try
        {
            if (!(await users.UpdateAsync(user)).Succeeded)
            {
                return new ContactTaken();
            }
        }
        catch (DbUpdateException)
        {
            // The unique user-name index refused it: another account verified the contact at this moment.
            return new ContactTaken();
        }
        await db.ContactVerifications.Where(v => v.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var rivals = db.ContactVerifications.Where(v => v.Contact == contact && v.UserId != userId).Select(v => v.UserId);
        await db.Users.Where(u => rivals.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Verified(contact);
    }
}
