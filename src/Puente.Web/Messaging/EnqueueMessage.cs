using Puente.Web.Database;

namespace Puente.Web.Messaging;

/// <summary>A localized message ready to be queued.</summary>
internal sealed record OutgoingMessage(string Subject, string Body);

/// <summary>How to reach a person: by email when they gave one, else by text message, in their language.</summary>
internal sealed record Contact(string? Email, string? Phone, string Language);

/// <summary>
/// Queues a message in the caller's unit of work. Nothing is saved here: the caller's SaveChanges
/// (or transaction) commits the message together with the change it reports, so a message is never
/// sent for a change that rolled back, and never lost for a change that committed.
/// </summary>
internal sealed class EnqueueMessage(TimeProvider clock)
{
    /// <summary>Addresses of synthetic applicants (demo simulations): nobody is behind them.</summary>
    public const string SimulatedEmailDomain = "@simulated.puente.test";

    /// <summary>
    /// Queues a message to a person by email, or by text message when they gave only a phone. The
    /// message is built only when there is someone to send it to. Returns null when there is not.
    /// </summary>
    public OutboxMessageRecord? ToPerson(PuenteDb db, Contact contact, Func<OutgoingMessage> message)
    {
        if (contact.Email is { Length: > 0 } email)
        {
            return email.EndsWith(SimulatedEmailDomain, StringComparison.Ordinal)
                ? null
                : Handle(db, OutboxChannel.Email, email, contact.Language, message());
        }
        return contact.Phone is { Length: > 0 } phone ? Handle(db, OutboxChannel.Sms, phone, contact.Language, message()) : null;
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
