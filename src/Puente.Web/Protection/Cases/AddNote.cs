using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Protection.Privacy;

namespace Puente.Web.Protection.Cases;

/// <summary>The holder (or a supervisor) adds a note; sealed like the personal fields, counted in the case's version.</summary>
internal sealed class AddNote(PuenteDb db, CaseChange change, CaseSeal seal, TimeProvider clock)
{
    public const int MaxText = 4000;

    public sealed record Command(int Version, string? Text);

    public Task<CaseChange.Outcome> Handle(Guid id, Command command, CaseActor actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(command.Text) || command.Text.Length > MaxText)
        {
            return Task.FromResult<CaseChange.Outcome>(new CaseChange.Invalid(
                [new FieldError("text", FieldCodes.CaseTextRequired, MaxText.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }
        var noteId = Guid.CreateVersion7(clock.GetUtcNow());
        return change.Handle(id, actor, command.Version, "case.noted", takes: false, record =>
        {
            db.CaseNotes.Add(new CaseNoteRecord
            {
                Id = noteId, CaseId = record.Id, At = clock.GetUtcNow(), AuthorUserId = actor.UserId, Sealed = seal.Seal(record.Id, command.Text.Trim()),
            });
            return Task.FromResult<CaseChange.Outcome?>(null);
        }, () => new { note = noteId }, cancellationToken);
    }
}
