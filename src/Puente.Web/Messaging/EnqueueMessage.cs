using Puente.Web.Database;

namespace Puente.Web.Messaging;

/// <summary>A localized message ready to be queued.</summary>
public sealed record OutgoingMessage(string Subject, string Body);

/// <summary>
/// Queues a message in the caller's unit of work. Nothing is saved here: the caller's SaveChanges
/// (or transaction) commits the message together with the change it reports, so a message is never
/// sent for a change that rolled back, and never lost for a change that committed.
/// </summary>
public sealed class EnqueueMessage(TimeProvider clock)
{
    /// <summary>Addresses of synthetic applicants (demo simulations): nobody is behind them.</summary>
    public const string SimulatedEmailDomain = "@simulated.puente.test";

    /// <summary>
    /// Queues a message to a person by email, or by text message when they gave only a phone. The
    /// message is built only when there is someone to send it to. Returns null when there is not.
    /// </summary>
    public OutboxMessageRecord? ToPerson(PuenteDb db, string? email, string? phone, string language, Func<OutgoingMessage> message)
    {
        if (email is { Length: > 0 })
        {
            return email.EndsWith(SimulatedEmailDomain, StringComparison.Ordinal)
                ? null
                : Handle(db, OutboxChannel.Email, email, language, message());
        }
        return phone is { Length: > 0 } ? Handle(db, OutboxChannel.Sms, phone, language, message()) : null;
    }

    public OutboxMessageRecord Handle(PuenteDb db, OutboxChannel channel, string recipient, string language, OutgoingMessage message)
    {
        // Always UTC: PostgreSQL's timestamptz accepts no other offset, and due times are compared in SQL.
        var now = clock.GetUtcNow();
        var record = new OutboxMessageRecord
        {
            Id = Guid.CreateVersion7(now),
            Channel = channel,
            Recipient = recipient,
            Subject = message.Subject,
            Body = message.Body,
            Language = MessageTemplates.Normalize(language),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Outbox.Add(record);
        return record;
    }
}
