using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;
using Puente.Web.Messaging;

namespace Puente.Web.Pathways.Registration;

/// <summary>A new code for an unverified account: the old one stops working, the tries start again.
/// A minute must pass between codes and an account gets at most <see cref="ContactVerificationRecord.MaxSends"/>.</summary>
internal sealed class ResendCode(PuenteDb db, TimeProvider clock, EnqueueMessage enqueue, MessageTemplates templates)
{
    public abstract record Outcome;
    public sealed record Sent(RegisterApplicant.VerificationResponse Verification) : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record TooSoon(int Seconds) : Outcome;
    public sealed record LimitReached : Outcome;

    public async Task<Outcome> Handle(string? userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var verification = await db.ContactVerifications.FirstOrDefaultAsync(v => v.UserId == userId, cancellationToken);
        if (verification is null || now >= verification.AccountCreatedAt + ContactVerificationRecord.AccountLifetime)
        {
            return new NotFound();
        }
        if (verification.Sends >= ContactVerificationRecord.MaxSends)
        {
            return new LimitReached();
        }
        var wait = verification.SentAt + ContactVerificationRecord.ResendAfter - now;
        if (wait > TimeSpan.Zero)
        {
            return new TooSoon((int)Math.Ceiling(wait.TotalSeconds));
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.PhoneNumber, u.PreferredLanguage }).FirstAsync(cancellationToken);
        var (code, hash) = ContactVerificationRecord.NewCode(verification.UserId);
        verification.CodeHash = hash;
        verification.SentAt = now;
        verification.ExpiresAt = now + ContactVerificationRecord.CodeLifetime;
        verification.Attempts = 0;
        verification.Sends++;
        enqueue.ToPerson(db, new Contact(user.Email, user.PhoneNumber, user.PreferredLanguage),
            () => templates.ContactCode(user.PreferredLanguage, code, (int)ContactVerificationRecord.CodeLifetime.TotalMinutes));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new TooSoon((int)ContactVerificationRecord.ResendAfter.TotalSeconds);
        }
        var channel = user.Email is null ? "phone" : "email";
        return new Sent(new RegisterApplicant.VerificationResponse(channel, ContactAddress.Masked(verification.Contact), verification.ExpiresAt));
    }
}
