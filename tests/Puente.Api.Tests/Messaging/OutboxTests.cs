using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;
using Puente.Web.Messaging;

namespace Puente.Api.Tests.Messaging;

public sealed class OutboxTests
{
    private static readonly DateOnly ServiceDate = new(2026, 12, 3);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("es", "Tiene cita en Garita de Otay Mesa el 2026-12-03", "Puerto de entrada: Garita de Otay Mesa", "Puente nunca cobra por las citas")]
    [InlineData("en", "You have an appointment at Garita de Otay Mesa on 2026-12-03", "Port of entry: Garita de Otay Mesa", "Puente never charges for appointments")]
    [InlineData("ht", "Ou gen yon randevou nan Garita de Otay Mesa pou 2026-12-03", "Pò antre: Garita de Otay Mesa", "Enpòtan: Puente pa janm fè moun peye")]
    public async Task An_appointment_selected_email_arrives_in_the_recipients_language(string language, string subject, string portLine, string warning)
    {
        using var smtp = SmtpListener.Start();
        await using var app = await AppWithSmtp(smtp.Port);
        var id = await EnqueueSelected(app, language);

        var round = await Round(app);

        Assert.Equal(new OutboxRound(Configured: true, Sent: 1, Failed: 0), round);
        var received = Assert.Single(smtp.Messages);
        Assert.Equal(["maria@example.org"], received.Recipients);
        Assert.Equal(subject, received.Message.Subject);
        Assert.Equal("utf-8", received.Message.Body!.ContentType.Charset, ignoreCase: true);
        var body = received.Message.TextBody;
        Assert.Contains(portLine, body, StringComparison.Ordinal);
        Assert.Contains("08:30", body, StringComparison.Ordinal);
        Assert.Contains("T-2506-0042", body, StringComparison.Ordinal);
        Assert.Contains(warning, body, StringComparison.Ordinal);
        Assert.Equal("Puente", Assert.Single(received.Message.From.Mailboxes).Name);

        var record = await Find(app, id);
        Assert.Equal(app.Clock.GetUtcNow(), record.SentAt);
        Assert.Null(record.LastError);
    }

    [Fact]
    public async Task Templates_use_the_recipients_language_whatever_the_current_culture()
    {
        await using var app = new PuenteApp(demo: false);
        var templates = app.Services.CreateScope().ServiceProvider.GetRequiredService<MessageTemplates>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var spanish = templates.AppointmentNotSelected("es", ServiceDate, "T-1", entersNextDrawAutomatically: true);
            var creole = templates.AppointmentCancelled("ht", "Nogales", ServiceDate, "09:00", "T-2");

            Assert.Equal("Sorteo del 2026-12-03: esta vez no obtuvo cita", spanish.Subject);
            Assert.Contains("participa automáticamente en el próximo sorteo", spanish.Body, StringComparison.Ordinal);
            Assert.Equal("Randevou w nan Nogales pou 2026-12-03 anile", creole.Subject);
            Assert.Contains("pas ou a pa valab ankò", creole.Body, StringComparison.Ordinal);
            Assert.Equal("en", CultureInfo.CurrentUICulture.Name);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task A_message_rendered_once_for_many_people_shows_each_ticket_grouped()
    {
        await using var app = new PuenteApp(demo: false);
        var templates = app.Services.CreateScope().ServiceProvider.GetRequiredService<MessageTemplates>();
        var texts = new RenderedOnce<string>();

        var first = texts.For("es", "K7Q2M9XW3T4P", ticket => templates.AppointmentNotSelected("es", ServiceDate, ticket, entersNextDrawAutomatically: true));
        var second = texts.For("es", "ABCDEFGHJKMN", ticket => throw new InvalidOperationException("rendered twice"));

        Assert.Contains("K7Q2-M9XW-3T4P", first.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("K7Q2M9XW3T4P", first.Body, StringComparison.Ordinal);
        Assert.Contains("ABCD-EFGH-JKMN", second.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_not_selected_message_without_automatic_reentry_says_they_may_request_again()
    {
        await using var app = new PuenteApp(demo: false);
        var templates = app.Services.CreateScope().ServiceProvider.GetRequiredService<MessageTemplates>();

        var english = templates.AppointmentNotSelected("en", ServiceDate, "K7Q2M9XW3T4P", entersNextDrawAutomatically: false);

        // Grouped as the pages show it, so the message and the draw page read the same.
        Assert.Contains("ticket K7Q2-M9XW-3T4P", english.Body, StringComparison.Ordinal);
        Assert.Contains("You may request an appointment again", english.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("automatically", english.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enqueued_message_is_saved_only_with_the_callers_transaction()
    {
        using var smtp = SmtpListener.Down();
        await using var app = await AppWithSmtp(smtp.Port);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            Enqueue(scope.ServiceProvider, db, "es", OutboxChannel.Email, "maria@example.org");
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(0, await check.ServiceProvider.GetRequiredService<PuenteDb>().Outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task A_message_stays_queued_while_the_smtp_server_is_down_and_is_sent_once_the_backoff_has_passed()
    {
        using var smtp = SmtpListener.Down();
        await using var app = await AppWithSmtp(smtp.Port);
        var id = await EnqueueSelected(app, "ht");
        var queuedAt = app.Clock.GetUtcNow();

        Assert.Equal(new OutboxRound(true, Sent: 0, Failed: 1), await Round(app));
        var failed = await Find(app, id);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));
        Assert.Equal(queuedAt.AddMinutes(1), failed.NextAttemptAt);

        smtp.Open();
        Assert.Equal(new OutboxRound(true, Sent: 0, Failed: 0), await Round(app));
        Assert.Empty(smtp.Messages);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new OutboxRound(true, Sent: 1, Failed: 0), await Round(app));
        Assert.Contains("Enpòtan", Assert.Single(smtp.Messages).Message.TextBody, StringComparison.Ordinal);
        var sent = await Find(app, id);
        Assert.Equal(app.Clock.GetUtcNow(), sent.SentAt);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task Two_concurrent_rounds_never_send_the_same_message_twice()
    {
        using var smtp = SmtpListener.Start();
        await using var app = await AppWithSmtp(smtp.Port);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            for (var i = 0; i < 30; i++)
            {
                Enqueue(scope.ServiceProvider, db, "es", OutboxChannel.Email, $"persona{i}@example.org");
            }
            await db.SaveChangesAsync(Ct);
        }

        var rounds = await Task.WhenAll(Round(app), Round(app), Round(app));

        Assert.Equal(30, rounds.Sum(r => r.Sent));
        Assert.Equal(0, rounds.Sum(r => r.Failed));
        Assert.Equal(30, smtp.Messages.Count);
        Assert.Equal(30, smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
    }

    [Fact]
    public async Task A_text_message_without_an_sms_gateway_stays_queued_with_a_clear_error()
    {
        using var smtp = SmtpListener.Start();
        await using var app = await AppWithSmtp(smtp.Port);
        var id = await EnqueueSelected(app, "es", OutboxChannel.Sms, "+52 664 123 4567");

        Assert.Equal(new OutboxRound(true, Sent: 0, Failed: 1), await Round(app));

        Assert.Empty(smtp.Messages);
        var record = await Find(app, id);
        Assert.Null(record.SentAt);
        Assert.Equal(1, record.Attempts);
        Assert.Equal("No SMS gateway configured", record.LastError);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(1), record.NextAttemptAt);
    }

    [Fact]
    public async Task A_text_message_goes_to_the_email_to_sms_gateway_when_one_is_configured()
    {
        using var smtp = SmtpListener.Start();
        await using var app = await AppWithSmtp(smtp.Port, ("Sms:EmailGatewayDomain", "sms.example.net"));
        var id = await EnqueueSelected(app, "en", OutboxChannel.Sms, "+52 (664) 123-4567");

        Assert.Equal(new OutboxRound(true, Sent: 1, Failed: 0), await Round(app));

        var received = Assert.Single(smtp.Messages);
        Assert.Equal(["526641234567@sms.example.net"], received.Recipients);
        Assert.Contains("Ticket: T-2506-0042", received.Message.TextBody, StringComparison.Ordinal);
        Assert.NotNull((await Find(app, id)).SentAt);
    }

    [Fact]
    public async Task Without_an_smtp_host_nothing_is_tried_and_messages_stay_queued()
    {
        await using var app = new PuenteApp(demo: false, settings: new Dictionary<string, string?> { ["BackgroundJobs:Enabled"] = "false" });
        await app.MigrateAsync();
        var id = await EnqueueSelected(app, "es");

        Assert.Equal(new OutboxRound(Configured: false, Sent: 0, Failed: 0), await Round(app));

        var record = await Find(app, id);
        Assert.Null(record.SentAt);
        Assert.Equal(0, record.Attempts);
        Assert.Null(record.LastError);
    }

    [Fact]
    public async Task An_smtp_host_without_a_from_address_is_refused_on_start()
    {
        await using var app = new PuenteApp(demo: false, settings: new Dictionary<string, string?> { ["Smtp:Host"] = "127.0.0.1" });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains("Smtp:From is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 360)]
    [InlineData(1000, 360)]
    public void Backoff_doubles_from_one_minute_up_to_six_hours(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SendOutboxMessages.Backoff(attempts));

    [Fact]
    public async Task The_worker_delivers_queued_messages_on_its_own()
    {
        using var smtp = SmtpListener.Start();
        await using var app = await AppWithSmtp(smtp.Port, ("BackgroundJobs:Enabled", "true"));
        await EnqueueSelected(app, "en");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (smtp.Messages.Count == 0)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(50, timeout.Token);
        }
        Assert.Single(smtp.Messages);
    }

    private static async Task<PuenteApp> AppWithSmtp(int port, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:From"] = "citas@puente.test",
            ["Smtp:TimeoutSeconds"] = "10",
            ["BackgroundJobs:Enabled"] = "false",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        var app = new PuenteApp(demo: false, settings: settings);
        await app.MigrateAsync();
        return app;
    }

    private static async Task<Guid> EnqueueSelected(PuenteApp app, string language,
        OutboxChannel channel = OutboxChannel.Email, string recipient = "maria@example.org")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var id = Enqueue(scope.ServiceProvider, db, language, channel, recipient);
        await db.SaveChangesAsync(Ct);
        return id;
    }

    private static Guid Enqueue(IServiceProvider services, PuenteDb db, string language, OutboxChannel channel, string recipient)
    {
        var message = services.GetRequiredService<MessageTemplates>()
            .AppointmentSelected(language, "Garita de Otay Mesa", ServiceDate, "08:30", "T-2506-0042");
        return services.GetRequiredService<EnqueueMessage>().Handle(db, channel, recipient, language, message).Id;
    }

    private static async Task<OutboxRound> Round(PuenteApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendOutboxMessages>().Handle(Ct);
    }

    private static async Task<OutboxMessageRecord> Find(PuenteApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PuenteDb>().Outbox.AsNoTracking().SingleAsync(m => m.Id == id, Ct);
    }
}
