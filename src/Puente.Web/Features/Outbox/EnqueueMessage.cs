using Puente.Web.Database;

namespace Puente.Web.Features.Outbox;

/// <summary>A localized message ready to be queued.</summary>
public sealed record OutgoingMessage(string Subject, string Body);

/// <summary>
/// Queues a message in the caller's unit of work. Nothing is saved here: the caller's SaveChanges
/// (or transaction) commits the message together with the change it reports, so a message is never
/// sent for a change that rolled back, and never lost for a change that committed.
/// </summary>
public sealed class EnqueueMessage(TimeProvider clock)
{
    public OutboxMessageRecord Handle(PuenteDb db, OutboxChannel channel, string recipient, string language, OutgoingMessage message)
    {
        // Always UTC: SQLite compares these instants as text, which only orders correctly with one offset.
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
