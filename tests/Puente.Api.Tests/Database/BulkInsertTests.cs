using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Ports.Flows;
using Puente.Web.Database;
using Puente.Web.Messaging;
using Puente.Web.Ports.Flows;

namespace Puente.Api.Tests.Database;

/// <summary>Rows written by <see cref="BulkInsert"/> read back through EF Core exactly as written, on the test run's database.</summary>
public sealed class BulkInsertTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Milliseconds: SQLite keeps instants as EF Core's DateTimeOffsetToBinaryConverter does, to the millisecond.
    private static readonly DateTimeOffset Instant = new DateTimeOffset(2026, 11, 30, 5, 41, 7, TimeSpan.Zero).AddMilliseconds(123);

    [Fact]
    public async Task Written_rows_read_back_through_ef_field_by_field()
    {
        await using var app = new PuenteApp(demo: false);
        OutboxMessageRecord[] messages =
        [
            new()
            {
                Id = Guid.CreateVersion7(Instant), Channel = OutboxChannel.Email, Recipient = "ana@example.org", Subject = "Sorteo \"2027\"",
                Body = "Línea uno\n\nTikè: T-1 — ñ, é, ò", Language = "ht", CreatedAt = Instant, NextAttemptAt = Instant.AddMinutes(5),
                SentAt = null, Attempts = 0, LastError = null,
            },
            new()
            {
                Id = Guid.NewGuid(), Channel = OutboxChannel.Sms, Recipient = "+5215550000000", Subject = "", Body = "x",
                Language = "es", CreatedAt = Instant, NextAttemptAt = Instant, SentAt = Instant.AddSeconds(1), Attempts = 3, LastError = "timeout",
            },
        ];
        BtsConflictRecord[] counts =
        [
            new() { PortCode = "2504", Measure = BtsMeasure.Pedestrians, Month = new DateOnly(2023, 12, 1), Value = 4_294_967_296, Demo = false },
            new() { PortCode = "2504", Measure = BtsMeasure.Trucks, Month = new DateOnly(1996, 1, 1), Value = 0, Demo = true },
        ];

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            Assert.Equal(2, await BulkInsert.Rows(db, messages, cancellationToken: Ct));
            Assert.Equal(2, await BulkInsert.Rows(db, counts, cancellationToken: Ct));
            Assert.Empty(db.ChangeTracker.Entries());
            await transaction.CommitAsync(Ct);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            foreach (var written in messages)
            {
                // Found by its key: the key was stored in the form EF Core's own queries compare with.
                var read = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == written.Id, Ct);
                Assert.Equivalent(written, read, strict: true);
                Assert.Equal(written.CreatedAt, read.CreatedAt);
                Assert.Equal(written.SentAt, read.SentAt);
            }
            var stored = await db.BtsConflicts.AsNoTracking().Where(c => c.PortCode == "2504").OrderBy(c => c.Month).ToListAsync(Ct);
            Assert.Equivalent(counts.OrderBy(c => c.Month).ToList(), stored, strict: true);
            Assert.Equal(1, await db.BtsConflicts.CountAsync(c => c.Measure == BtsMeasure.Pedestrians && c.Month == new DateOnly(2023, 12, 1), Ct));
            Assert.Equal(1, await db.Outbox.CountAsync(m => m.Channel == OutboxChannel.Sms && m.SentAt > Instant, Ct));
        }
    }

    [Fact]
    public async Task A_row_reads_back_as_the_same_row_written_by_save_changes_does()
    {
        await using var app = new PuenteApp(demo: false);
        // Finer than either database keeps: whatever each provider drops, both writes must drop alike.
        var fine = Instant.AddTicks(4_567);
        OutboxMessageRecord Message(Guid id) => new()
        {
            Id = id, Channel = OutboxChannel.Sms, Recipient = "+50937000000", Subject = "Tirage", Body = "Kò", Language = "ht",
            CreatedAt = fine, NextAttemptAt = fine, SentAt = null, Attempts = 1, LastError = null,
        };
        var (tracked, bulk) = (Message(Guid.NewGuid()), Message(Guid.NewGuid()));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Outbox.Add(tracked);
            await db.SaveChangesAsync(Ct);
            await BulkInsert.Rows(db, [bulk], cancellationToken: Ct);
            await transaction.CommitAsync(Ct);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
            var viaEf = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == tracked.Id, Ct);
            var viaBulk = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == bulk.Id, Ct);
            viaBulk.Id = viaEf.Id;
            Assert.Equivalent(viaEf, viaBulk, strict: true);
            Assert.Equal(2, await db.Outbox.CountAsync(m => m.CreatedAt == viaEf.CreatedAt, Ct));
        }
    }

    [Fact]
    public async Task Skipping_conflicts_keeps_the_stored_rows_and_counts_only_the_new_ones()
    {
        await using var app = new PuenteApp(demo: false);
        var first = new BtsConflictRecord { PortCode = "2604", Measure = BtsMeasure.Buses, Month = new DateOnly(2024, 1, 1), Value = 7, Demo = false };
        var second = new BtsConflictRecord { PortCode = "2604", Measure = BtsMeasure.Buses, Month = new DateOnly(2024, 2, 1), Value = 9, Demo = false };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            Assert.Equal(1, await BulkInsert.Rows(db, [first], BulkConflict.Skip, Ct));
            await transaction.CommitAsync(Ct);
        }
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            Assert.Equal(1, await BulkInsert.Rows(db, [first, second], BulkConflict.Skip, Ct));
            // Twice in one transaction: the staging table of the first write does not leak into the second.
            Assert.Equal(0, await BulkInsert.Rows(db, [second], BulkConflict.Skip, Ct));
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal([7L, 9L], await db.BtsConflicts.Where(c => c.PortCode == "2604").OrderBy(c => c.Month).Select(c => c.Value).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_conflict_fails_the_write_and_a_rollback_leaves_nothing()
    {
        await using var app = new PuenteApp(demo: false);
        var count = new BtsConflictRecord { PortCode = "2402", Measure = BtsMeasure.Pedestrians, Month = new DateOnly(2024, 3, 1), Value = 1, Demo = false };
        var other = new BtsConflictRecord { PortCode = "2402", Measure = BtsMeasure.Pedestrians, Month = new DateOnly(2024, 4, 1), Value = 2, Demo = false };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => BulkInsert.Rows(db, [other, count, count], cancellationToken: Ct));
            await transaction.RollbackAsync(Ct);
        }

        Assert.False(await db.BtsConflicts.AnyAsync(c => c.PortCode == "2402", Ct));
    }

    [Fact]
    public async Task A_write_outside_a_transaction_is_refused()
    {
        await using var app = new PuenteApp(demo: false);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.Rows(db, new[]
        {
            new BtsConflictRecord { PortCode = "2402", Measure = BtsMeasure.Buses, Month = new DateOnly(2024, 3, 1), Value = 1, Demo = false },
        }, cancellationToken: Ct));
        Assert.Contains("transaction", refused.Message, StringComparison.Ordinal);
    }
}
