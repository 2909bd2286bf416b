using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Web.Database;
using Puente.Web.Messaging;

namespace Puente.Api.Tests.Messaging;

public sealed class OutboxCliTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outbox_send_delivers_the_due_messages_and_prints_the_counts()
    {
        using var smtp = SmtpListener.Start();
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database,
            settings: new Dictionary<string, string?> { ["BackgroundJobs:Enabled"] = "false" });
        await app.MigrateAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            var message = scope.ServiceProvider.GetRequiredService<MessageTemplates>()
                .AppointmentCancelled("es", "Ciudad Juárez", new DateOnly(2026, 12, 3), "07:15", "T-0001");
            // Queued in the past by the real clock the CLI uses, so it is due there too.
            var record = scope.ServiceProvider.GetRequiredService<EnqueueMessage>().Handle(db, OutboxChannel.Email, "jose@example.org", "es", message);
            record.NextAttemptAt = record.CreatedAt = DateTimeOffset.UnixEpoch;
            await db.SaveChangesAsync(Ct);
        }

        var run = await PuenteCli.Invoke(database, new Dictionary<string, string>
        {
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp__From"] = "citas@puente.test",
        }, "outbox", "send");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Sent 1, failed 0", run.Output, StringComparison.Ordinal);
        Assert.Equal("Su cita en Ciudad Juárez del 2026-12-03 fue cancelada", Assert.Single(smtp.Messages).Message.Subject);
        await using var check = app.Services.CreateAsyncScope();
        Assert.NotNull((await check.ServiceProvider.GetRequiredService<PuenteDb>().Outbox.SingleAsync(Ct)).SentAt);
    }

    [Fact]
    public async Task Outbox_send_without_an_smtp_host_says_so_and_exits_with_an_error()
    {
        var database = TestDatabase.Create();
        await using var app = new PuenteApp(demo: false, database: database);
        await app.MigrateAsync();

        var run = await PuenteCli.Invoke(database, "outbox", "send");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Smtp:Host is not set", run.Error, StringComparison.Ordinal);
    }
}
