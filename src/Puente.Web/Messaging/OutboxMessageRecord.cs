using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Puente.Web.Messaging;

internal enum OutboxChannel
{
    Email,
    Sms,
}

/// <summary>A message written in the same transaction as the change it reports, sent later by the outbox worker.</summary>
internal sealed class OutboxMessageRecord
{
    public Guid Id { get; set; }
    public OutboxChannel Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public required string Language { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageRecordConfiguration : IEntityTypeConfiguration<OutboxMessageRecord>
{
    public void Configure(EntityTypeBuilder<OutboxMessageRecord> message)
    {
        message.ToTable("outbox_messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Channel).HasConversion<string>().HasMaxLength(8);
        message.Property(m => m.Recipient).HasMaxLength(256);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.Language).HasMaxLength(8);
        message.Property(m => m.LastError).HasMaxLength(2000);
        message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
