using Puente.Web.Database;

namespace Puente.Web.Messaging;

/// <summary>A localized message ready to be queued.</summary>
internal sealed record OutgoingMessage(string Subject, string Body);

/// <summary>How to reach a person: by email when they gave one, else by text message, in their language.</summary>
internal sealed record Contact(string? Email, string? Phone, string Language);

/// <summary>
/// Queues a message in the caller's unit of work (or builds it for the caller's bulk write). Nothing is saved here: the caller's SaveChanges
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
    public OutboxMessageRecord? ToPerson(PuenteDb db, Contact contact, Func<OutgoingMessage> message) =>
        Add(db, For(contact, message));

    public OutboxMessageRecord Handle(PuenteDb db, OutboxChannel channel, string recipient, string language, OutgoingMessage message) =>
        Add(db, New(channel, recipient, language, message))!;

    /// <summary>
    /// The message <see cref="ToPerson"/> would queue, not yet added to any context: for a caller that writes
    /// many at once (<see cref="BulkInsert"/>) in its own transaction. Null when there is nobody to send it to.
    /// </summary>
    public OutboxMessageRecord? For(Contact contact, Func<OutgoingMessage> message)
    {
        if (contact.Email is { Length: > 0 } email)
        {
            return email.EndsWith(SimulatedEmailDomain, StringComparison.Ordinal)
                ? null
                : New(OutboxChannel.Email, email, contact.Language, message());
        }
        return contact.Phone is { Length: > 0 } phone ? New(OutboxChannel.Sms, phone, contact.Language, message()) : null;
    }

    private static OutboxMessageRecord? Add(PuenteDb db, OutboxMessageRecord? record)
    {
        if (record is not null)
        {
            db.Outbox.Add(record);
        }
        return record;
    }

    private OutboxMessageRecord New(OutboxChannel channel, string recipient, string language, OutgoingMessage message)
    {
        // Always UTC: PostgreSQL's timestamptz accepts no other offset, and due times are compared in SQL.
        var now = clock.GetUtcNow();
        return new OutboxMessageRecord
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
    }
}
