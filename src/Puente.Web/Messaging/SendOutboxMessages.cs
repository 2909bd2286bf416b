using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Puente.Web.Database;

namespace Puente.Web.Messaging;

/// <summary>What one round did. <c>Configured</c> is false when no SMTP host is set and nothing was tried.</summary>
internal sealed record OutboxRound(bool Configured, int Sent, int Failed);

/// <summary>
/// One delivery round: claim the due messages, send each with a real SMTP client, record the outcome.
/// Safe to run on several instances at once: a message is sent only by the instance whose claim
/// updated its row, and a claim is a lease, so a crashed sender's messages come back after it expires.
/// </summary>
internal sealed partial class SendOutboxMessages(
    PuenteDb db,
    TimeProvider clock,
    IOptions<SmtpOptions> smtpOptions,
    IOptions<SmsOptions> smsOptions,
    IOptions<OutboxOptions> outboxOptions,
    ILogger<SendOutboxMessages> logger)
{
    public const string NoSmsGateway = "No SMS gateway configured";
    public const int MaxErrorLength = 2000;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);
    private static int warnedUnconfigured;

    private readonly SmtpOptions smtp = smtpOptions.Value;
    private readonly SmsOptions sms = smsOptions.Value;
    private readonly OutboxOptions outbox = outboxOptions.Value;

    public async Task<OutboxRound> Handle(CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            if (Interlocked.Exchange(ref warnedUnconfigured, 1) == 0)
            {
                LogUnconfigured(logger);
            }
            return new OutboxRound(Configured: false, Sent: 0, Failed: 0);
        }

        var now = clock.GetUtcNow();
        var candidates = await db.Outbox
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .AsNoTracking()
            .OrderBy(m => m.Id) // version 7 ids: oldest first
            .Take(outbox.BatchSize)
            .Select(m => new { m.Id, m.NextAttemptAt })
            .ToListAsync(cancellationToken);

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        int sent = 0, failed = 0;
        try
        {
            foreach (var (id, due) in candidates.Select(c => (c.Id, c.NextAttemptAt)))
            {
                if (!await Claim(id, due, now, cancellationToken))
                {
                    continue; // another instance has it
                }
                // Read after claiming, so Attempts is the value no other instance can change now.
                var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
                var error = await Deliver(client, message, cancellationToken);
                if (error is null)
                {
                    await MarkSent(message.Id, cancellationToken);
                    sent++;
                }
                else
                {
                    await MarkFailed(message, error, cancellationToken);
                    failed++;
                }
            }
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        return new OutboxRound(Configured: true, sent, failed);
    }

    /// <summary>Backoff after the given number of failed attempts: 1, 2, 4 … minutes, at most 6 hours.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var delay = TimeSpan.FromMinutes(1L << exponent);
        return delay < MaxBackoff ? delay : MaxBackoff;
    }

    // Only the instance whose conditional update touched the row sends the message. Every change to a
    // message moves NextAttemptAt or sets SentAt, so "still as I read it" means nobody else has it.
    private async Task<bool> Claim(Guid id, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leaseUntil = now.AddSeconds(outbox.LeaseSeconds);
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.SentAt == null && m.NextAttemptAt == due)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, leaseUntil), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Null when delivered; otherwise why not.</summary>
    private async Task<string?> Deliver(SmtpClient client, OutboxMessageRecord message, CancellationToken cancellationToken)
    {
        if (message.Channel == OutboxChannel.Sms && string.IsNullOrWhiteSpace(sms.EmailGatewayDomain))
        {
            return NoSmsGateway;
        }
        try
        {
            var mime = Mime(message, Address(message));
            if (!client.IsConnected)
            {
                await client.ConnectAsync(smtp.Host!, smtp.Port,
                    smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
                if (!string.IsNullOrEmpty(smtp.Username))
                {
                    await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
                }
            }
            await client.SendAsync(mime, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e, message.Id, message.Channel);
            if (client.IsConnected && e is not SmtpCommandException)
            {
                // A broken connection would fail every later message of the round the same way.
                await client.DisconnectAsync(quit: false, CancellationToken.None);
            }
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private MailboxAddress Address(OutboxMessageRecord message)
    {
        if (message.Channel == OutboxChannel.Email)
        {
            return MailboxAddress.Parse(message.Recipient);
        }
        var digits = new string(message.Recipient.Where(char.IsAsciiDigit).ToArray());
        return new MailboxAddress(name: null, $"{digits}@{sms.EmailGatewayDomain}");
    }

    private MimeMessage Mime(OutboxMessageRecord message, MailboxAddress to)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.From!)); // validated on start when Host is set
        mime.To.Add(to);
        // A text gateway turns the subject into a prefix of the text; the body already says it all.
        mime.Subject = message.Channel == OutboxChannel.Email ? message.Subject : "";
        mime.Date = clock.GetUtcNow();
        mime.MessageId = $"{message.Id:N}@puente";
        var body = new TextPart("plain") { Text = message.Body };
        body.ContentType.Charset = "utf-8";
        mime.Body = body;
        return mime;
    }

    private async Task MarkSent(Guid id, CancellationToken cancellationToken)
    {
        var sentAt = clock.GetUtcNow();
        await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastError, (string?)null), cancellationToken);
    }

    private async Task MarkFailed(OutboxMessageRecord message, string error, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var next = clock.GetUtcNow() + Backoff(attempts);
        var lastError = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
        await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, lastError)
            .SetProperty(m => m.NextAttemptAt, next), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Smtp:Host is not set: outgoing messages stay queued until it is.")]
    private static partial void LogUnconfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Channel}) was not delivered; it will be retried.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid messageId, OutboxChannel channel);
}
