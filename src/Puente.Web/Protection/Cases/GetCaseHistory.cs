using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Protection.Cases;

/// <summary>A case's history from the audit log: every change and every opening of the full record.</summary>
internal sealed class GetCaseHistory(PuenteDb db)
{
    public sealed record Entry(long Sequence, DateTimeOffset At, string Actor, string Action, JsonElement? Before, JsonElement? After);

    /// <summary>Null when the case is not the actor's to open (or not in their scope at all).</summary>
    public async Task<List<Entry>?> Handle(Guid id, CaseActor actor, CancellationToken cancellationToken = default)
    {
        var record = await actor.Scope(db.ProtectionCases.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (record is null || !actor.MayOpen(record))
        {
            return null;
        }
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == CaseChange.EntityType && e.EntityId == id.ToString())
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.At, e.Actor, e.Action, e.Before, e.After })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Entry(r.Sequence, r.At, r.Actor, r.Action, Parse(r.Before), Parse(r.After)))];
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
