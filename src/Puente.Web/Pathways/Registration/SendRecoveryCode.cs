using Microsoft.AspNetCore.Identity;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Messaging;

namespace Puente.Web.Pathways.Registration;

/// <summary>
/// "I forgot my password": a six-digit code goes to the account's verified e-mail or phone through the
/// outbox, as at registration. The caller learns nothing: known, unknown and unverified contacts all get
/// the same answer, so the form cannot be used to find out who has an account.
/// </summary>
internal sealed class SendRecoveryCode(PuenteDb db, UserManager<PuenteUser> users, TimeProvider clock, EnqueueMessage enqueue, MessageTemplates templates)
{
    public async Task Handle(string? contact, CancellationToken cancellationToken = default)
    {
        if (await RecoveryCode.Account(db, contact, cancellationToken) is not { } user)
        {
            return;
        }
        var now = clock.GetUtcNow();
        // One code a minute at most: a second request meanwhile changes nothing and sends nothing.
        if (await RecoveryCode.Read(users, user) is { } earlier && now - earlier.SentAt < ContactVerificationRecord.ResendAfter)
        {
            return;
        }
        var (code, hash) = ContactVerificationRecord.NewCode(user.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await new RecoveryCode(hash, now, now + ContactVerificationRecord.CodeLifetime, Attempts: 0).Write(users, user);
        enqueue.ToPerson(db, new Contact(user.EmailConfirmed ? user.Email : null, user.EmailConfirmed ? null : user.PhoneNumber, user.PreferredLanguage),
            () => templates.RecoveryCode(user.PreferredLanguage, code, (int)ContactVerificationRecord.CodeLifetime.TotalMinutes));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
