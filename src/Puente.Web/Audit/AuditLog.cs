using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Audit;
using Puente.Web.Database;

namespace Puente.Web.Audit;

/// <summary>
/// The platform's one audit log. Call <see cref="Append"/> inside the transaction of the change it
/// records (it opens its own when there is none), so an entry exists exactly when the change does.
/// </summary>
internal sealed class AuditLog(PuenteDb db, TimeProvider clock)
{
    /// <summary>The actor of changes made by the system itself (the CLI, the demo seed, a background job).</summary>
    public const string System = "system";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What happened: <paramref name="before"/> and <paramref name="after"/> are serialized to JSON (null when absent).</summary>
    public sealed record Event(string Actor, string Action, string EntityType, string EntityId, object? Before = null, object? After = null);

    public async Task<long> Append(Event change, CancellationToken cancellationToken = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var sequence = await AppendInTransaction(change, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return sequence;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private async Task<long> AppendInTransaction(Event change, CancellationToken cancellationToken)
    {
        var before = change.Before is null ? null : JsonSerializer.Serialize(change.Before, Json);
        var after = change.After is null ? null : JsonSerializer.Serialize(change.After, Json);
        var at = AuditChain.Truncate(clock.GetUtcNow());
        while (true)
        {
            var head = await db.AuditHead.AsNoTracking().SingleAsync(cancellationToken);
            var sequence = head.Sequence + 1;
            var hash = AuditChain.HashOf(sequence, at, change.Actor, change.Action, change.EntityType, change.EntityId, before, after, head.Hash);
            // Claim the next place first: of two appends that read the same head, the second updates
            // no row (it waits for the first to commit, then finds the head moved) and reads again.
            var claimed = await db.AuditHead
                .Where(h => h.Id == AuditHeadRecord.TheOnlyId && h.Sequence == head.Sequence && h.Hash == head.Hash)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, sequence).SetProperty(h => h.Hash, hash), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }
            var entry = new AuditEntryRecord
            {
                Sequence = sequence, At = at, Actor = change.Actor, Action = change.Action, EntityType = change.EntityType,
                EntityId = change.EntityId, Before = before, After = after, PreviousHash = head.Hash, Hash = hash,
            };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            // Tracked, a later SaveChanges of the caller could try to write it again; it is final.
            db.Entry(entry).State = EntityState.Detached;
            return sequence;
        }
    }
}
