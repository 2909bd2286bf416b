using Microsoft.EntityFrameworkCore;
using Puente.Domain.Protection.Cases;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Protection.Privacy;

namespace Puente.Web.Protection.Cases;

/// <summary>Opens a case's full record for its holder or a supervisor; every opening is written to the audit log.</summary>
internal sealed class GetCase(PuenteDb db, CaseSeal seal, AuditLog audit, CaseChange change, TimeProvider clock)
{
    private static readonly string[] OpenedFields = ["person", "narrative", "notes"];

    public sealed record Note(DateTimeOffset At, string Author, string Text);

    public sealed record Record(
        Guid Id, string Number, string Consulate, string? RoutedConsulate, CaseCategory Category, string Subtype, CaseUrgency Urgency,
        CaseStatus Status, string? AssignedTo, string State, string? County, CasePerson Person, bool Consent,
        DateTimeOffset OpenedAt, DateTimeOffset FirstContactDueAt, DateTimeOffset? FirstContactAt, bool Overdue, int Version, IReadOnlyList<Note> Notes);

    public abstract record Outcome;

    public sealed record Opened(Record Record) : Outcome;

    public sealed record NotFound : Outcome;

    /// <summary>In the caller's consulate but not theirs to open: held by someone else, or by nobody yet.</summary>
    public sealed record Closed(string? Holder) : Outcome;

    public async Task<Outcome> Handle(Guid id, CaseActor actor, CancellationToken cancellationToken = default)
    {
        var record = await actor.Scope(db.ProtectionCases.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (record is null)
        {
            return new NotFound();
        }
        if (!actor.MayOpen(record))
        {
            return new Closed(record.AssignedToUserId is { } holder ? await change.Email(holder, cancellationToken) : null);
        }
        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == id)
            .Join(db.Users, n => n.AuthorUserId, u => u.Id, (n, u) => new { n.At, u.Email, n.Sealed })
            .ToListAsync(cancellationToken);
        var person = CasePerson.FromJson(seal.Open(id, record.Sealed));
        var opened = new Record(
            record.Id, record.Number, record.ConsulateCode, record.RoutedConsulateCode, record.Category, record.Subtype, record.Urgency,
            record.Status, record.AssignedToUserId is { } h ? await change.Email(h, cancellationToken) : null, record.StateCode, record.CountyFips,
            person, record.Consent, record.OpenedAt, record.FirstContactDueAt, record.FirstContactAt,
            CaseDeadlines.IsOverdue(record.Status, record.FirstContactDueAt, record.FirstContactAt, clock.GetUtcNow()), record.Version,
            [.. notes.OrderBy(n => n.At).Select(n => new Note(n.At, n.Email ?? "", seal.Open(id, n.Sealed)))]);
        // The read is recorded before the record leaves: no opening goes unaudited.
        await audit.Append(new AuditLog.Event(actor.Email, "opened", CaseChange.EntityType, id.ToString(), null,
            new { version = record.Version, fields = OpenedFields }), cancellationToken);
        return new Opened(opened);
    }
}
