using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Domain.Pathways;
using Puente.Domain.Protection.Cases;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Hosting;

namespace Puente.Web.Protection.Cases;

/// <summary>
/// The one way a case changes: scoped to the actor, the holder's lock checked, the concurrency token
/// compared, the change saved conditionally on that token and written to the audit log in the same
/// transaction. Each use case (assign, move, note, update, transfer) supplies only its own change.
/// </summary>
internal sealed class CaseChange(PuenteDb db, AuditLog audit, TimeProvider clock)
{
    public const string EntityType = "protection-case";

    public abstract record Outcome;

    public sealed record Changed(int Version) : Outcome;

    /// <summary>No such case, or not in the actor's consulate: the two look the same.</summary>
    public sealed record NotFound : Outcome;

    /// <summary>Another caseworker holds the case.</summary>
    public sealed record HeldBy(string Holder) : Outcome;

    /// <summary>Nobody holds the case: a caseworker takes it before working on it.</summary>
    public sealed record NotHeld : Outcome;

    /// <summary>The case changed since the version the caller saw; what changed, instead of overwriting it.</summary>
    public sealed record Stale(int CurrentVersion, IReadOnlyList<Change> Changes) : Outcome;

    public sealed record Refused(TransitionRejected<CaseStatus, CaseAction> Rejection) : Outcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    /// <summary>One change the caller has not seen: when, by whom, which fields.</summary>
    public sealed record Change(int Version, DateTimeOffset At, string Actor, string Action, IReadOnlyList<string> Fields);

    /// <summary>What a change does to the tracked record; returns a refusal, or null when it applied.</summary>
    public delegate Task<Outcome?> Apply(ProtectionCaseRecord record);

    /// <param name="takes">True for taking an unassigned case, the one act that needs no holder.</param>
    /// <param name="details">Extra facts for the audit entry (a reason, the personal fields changed by name).</param>
    public async Task<Outcome> Handle(Guid id, CaseActor actor, int version, string action, bool takes, Apply apply,
        Func<object?>? details = null, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await actor.Scope(db.ProtectionCases).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (record is null)
        {
            return new NotFound();
        }
        if (!actor.IsSupervisor && record.AssignedToUserId != actor.UserId)
        {
            if (record.AssignedToUserId is { } holder)
            {
                return new HeldBy(await Email(holder, cancellationToken));
            }
            if (!takes)
            {
                return new NotHeld();
            }
        }
        if (record.Version != version)
        {
            return await StaleSince(record, version, cancellationToken);
        }
        var before = await View(record, cancellationToken);
        if (await apply(record) is { } refusal)
        {
            return refusal;
        }
        record.Version++;
        record.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between this read and this write: the same answer as a stale token.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var current = await db.ProtectionCases.AsNoTracking().FirstAsync(c => c.Id == id, cancellationToken);
            return await StaleSince(current, version, cancellationToken);
        }
        var after = await View(record, cancellationToken);
        await audit.Append(new AuditLog.Event(actor.Email, action, EntityType, id.ToString(), before, new { after, details = details?.Invoke() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Changed(record.Version);
    }

    /// <summary>The fields of a case the audit log may hold: nothing personal, only the workflow's state.</summary>
    public async Task<Dictionary<string, object?>> View(ProtectionCaseRecord record, CancellationToken cancellationToken) => new()
    {
        ["version"] = record.Version,
        ["consulate"] = record.ConsulateCode,
        ["status"] = record.Status.ToString(),
        ["assignedTo"] = record.AssignedToUserId is { } holder ? await Email(holder, cancellationToken) : null,
        ["category"] = record.Category.ToString(),
        ["subtype"] = record.Subtype,
        ["urgency"] = record.Urgency.ToString(),
    };

    public async Task<string> Email(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken) ?? userId;

    private async Task<Stale> StaleSince(ProtectionCaseRecord record, int seen, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == EntityType && e.EntityId == record.Id.ToString())
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.At, e.Actor, e.Action, e.Before, e.After })
            .ToListAsync(cancellationToken);
        var changes = new List<Change>();
        foreach (var entry in entries)
        {
            if (entry.After is null || !entry.Action.StartsWith("case.", StringComparison.Ordinal))
            {
                continue;
            }
            using var after = JsonDocument.Parse(entry.After);
            var state = after.RootElement.TryGetProperty("after", out var inner) ? inner : after.RootElement;
            if (!state.TryGetProperty("version", out var v) || v.GetInt32() <= seen)
            {
                continue;
            }
            changes.Add(new Change(v.GetInt32(), entry.At, entry.Actor, entry.Action, Differences(entry.Before, state, after.RootElement)));
        }
        return new Stale(record.Version, changes);
    }

    private static List<string> Differences(string? beforeJson, JsonElement after, JsonElement whole)
    {
        var fields = new List<string>();
        if (beforeJson is not null)
        {
            using var before = JsonDocument.Parse(beforeJson);
            foreach (var property in after.EnumerateObject().Where(p => p.Name != "version"))
            {
                if (!before.RootElement.TryGetProperty(property.Name, out var old) || old.GetRawText() != property.Value.GetRawText())
                {
                    fields.Add(property.Name);
                }
            }
        }
        if (whole.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object
            && details.TryGetProperty("personalFields", out var personal) && personal.ValueKind == JsonValueKind.Array)
        {
            fields.AddRange(personal.EnumerateArray().Select(p => p.GetString() ?? ""));
        }
        if (whole.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("note", out _))
        {
            fields.Add("notes");
        }
        return fields;
    }
}
